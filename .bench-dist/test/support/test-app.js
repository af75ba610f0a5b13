import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/load-config.js';
import { LogCapture } from './log-capture.js';
import { workerEmbeddedUrl } from './worker-databases.js';
/** The database this worker's tests use: DATABASE_URL, else the worker's shared embedded PGlite. */ export function testDatabaseUrl() {
    const url = process.env.DATABASE_URL ?? workerEmbeddedUrl();
    if (!url) throw new Error('No test database: run through jest (global setup) or set DATABASE_URL');
    return url;
}
/** A fresh schema name, so each test app sees only its own rows. */ export function freshSchema() {
    return `t_${randomBytes(6).toString('hex')}`;
}
/** Runs `sql` on the test database over a connection of its own; only while no app holds it. */ export async function queryTestDatabase(sql, params = []) {
    const client = new pg.Client({
        connectionString: testDatabaseUrl()
    });
    await client.connect();
    try {
        return (await client.query(sql, params)).rows;
    } finally{
        await client.end();
    }
}
/**
 * Boots the real application (same factory as `main.ts`) on an ephemeral port, in a fresh schema
 * of the worker's database, with logs captured. `close()` shuts it down and drops the schema.
 */ export async function startTestApp(options = {}) {
    const schema = options.schema ?? freshSchema();
    const ownsSchema = options.schema === undefined;
    const env = {
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_SCHEMA: schema,
        ...process.env.DATABASE_URL ? {
            DATABASE_URL: process.env.DATABASE_URL
        } : {},
        ...options.env
    };
    const config = loadConfig(env);
    const embedded = config.database.url ? undefined : {
        url: testDatabaseUrl(),
        close: async ()=>undefined
    };
    const logs = new LogCapture();
    const app = await createApp(config, {
        embedded,
        logDestination: logs,
        imports: options.imports
    });
    try {
        await app.listen(0, '127.0.0.1');
    } catch (error) {
        // A boot check failed: release the connection (and the schema) before reporting it.
        if (ownsSchema) await app.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(()=>undefined);
        await app.close().catch(()=>undefined);
        throw error;
    }
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return {
        app,
        config,
        url,
        schema,
        logs,
        query: async (sql, params = [])=>await app.get(DataSource).query(sql, params),
        close: async ()=>{
            // Through the app's connection: the embedded server would refuse a second one.
            if (ownsSchema) await app.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await app.close();
        }
    };
}

//# sourceMappingURL=test-app.js.map