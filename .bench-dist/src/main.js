import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory.js';
import { loadDotEnv } from './config/env-file.js';
import { ConfigError, loadConfig } from './config/load-config.js';
/** sysexits.h EX_CONFIG: lets supervisors tell "fix the configuration" from a crash. */ const EXIT_CONFIG = 78;
function configOrExit() {
    try {
        loadDotEnv();
        return loadConfig(process.env);
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exit(EXIT_CONFIG);
    }
}
/**
 * Starts Switchboard from the environment. A bad configuration stops the boot before anything is
 * opened or written, with one line per bad variable on stderr.
 */ async function main() {
    const config = configOrExit();
    const app = await createApp(config);
    await app.listen(config.http.port, config.http.host);
    app.get(Logger).log({
        url: await app.getUrl(),
        database: config.database.url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite (${config.database.dataDir})`
    }, 'Switchboard is listening');
}
main().catch((error)=>{
    const text = error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`Switchboard failed to start: ${text}\n`);
    process.exit(1);
});

//# sourceMappingURL=main.js.map