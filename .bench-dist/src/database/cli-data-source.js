/**
 * Entry point for the TypeORM CLI (`npm run migration:*`). It reads the environment through the
 * app's own parser, so the CLI migrates exactly the database the app would use; with no
 * DATABASE_URL that is the embedded database in SWITCHBOARD_DATA_DIR (stop the app first: PGlite
 * allows one process per data directory).
 */ import { loadDotEnv } from '../config/env-file.js';
import { loadConfig } from '../config/load-config.js';
import { createDataSource } from './database-connection.js';
loadDotEnv();
export default await createDataSource(loadConfig());

//# sourceMappingURL=cli-data-source.js.map