// Jest loads global setup outside its ESM module system, so this file is plain JavaScript and
// uses the built app (`npm test` builds first): one embedded PGlite per Jest worker, see
// worker-databases.ts for why.
import { existsSync } from 'node:fs';
import pg from 'pg';
const BUILT = new URL('../../dist/src/database/embedded-postgres.js', import.meta.url);
const PGLITE_URLS_ENV = 'SWITCHBOARD_TEST_PGLITE_URLS';
export default async function globalSetup(config) {
    if (process.env.DATABASE_URL) {
        process.stderr.write('\ne2e: using PostgreSQL from DATABASE_URL\n');
        return;
    }
    if (!existsSync(BUILT)) throw new Error('Run `npm run build` first (npm test does it for you).');
    const { startEmbeddedPostgres } = await import(BUILT.href);
    const count = Math.max(1, config.maxWorkers);
    const instances = await Promise.all(Array.from({
        length: count
    }, ()=>startEmbeddedPostgres('memory://', {
            maxConnections: 4
        })));
    // Test files run in schemas of their own; pgvector lives in `public`, shared by them all.
    for (const instance of instances){
        const client = new pg.Client({
            connectionString: instance.url
        });
        await client.connect();
        await client.query('CREATE EXTENSION IF NOT EXISTS vector');
        await client.end();
    }
    globalThis.__SWITCHBOARD_PGLITES__ = instances;
    process.env[PGLITE_URLS_ENV] = instances.map((instance)=>instance.url).join(',');
}

//# sourceMappingURL=global-setup.js.map