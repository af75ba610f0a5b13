import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/app.factory.js';
import { newId } from '../../src/common/ids.js';
import { loadConfig } from '../../src/config/load-config.js';
/**
 * The real app on the real database: DATABASE_URL in a throwaway schema, else embedded PGlite
 * in a temporary directory. Logs are silenced so they do not skew the timings.
 */ export async function startBenchApp(imports, env = {}) {
    const url = process.env.DATABASE_URL;
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const dataDir = url ? undefined : mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
    const config = loadConfig({
        LOG_LEVEL: 'silent',
        ...env,
        ...url ? {
            DATABASE_URL: url,
            DATABASE_SCHEMA: schema
        } : {
            SWITCHBOARD_DATA_DIR: dataDir
        }
    });
    const app = await createApp(config, {
        imports
    });
    await app.init();
    return {
        app,
        database: url ? 'postgresql' : 'pglite',
        async close () {
            await app.close();
            if (url) {
                const client = new pg.Client({
                    connectionString: url
                });
                await client.connect();
                await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
                await client.end();
            }
            if (dataDir) rmSync(dataDir, {
                recursive: true,
                force: true
            });
        }
    };
}
/** An active session of user `bench-user` (role `bench`) offering `tools`, written directly. */ export async function activeSession(dataSource, tools) {
    const id = newId('ses');
    const config = {
        type: 'realtime',
        tools: tools.map((name)=>({
                type: 'function',
                name
            }))
    };
    const limits = {
        maxDurationSeconds: 3600,
        warningSeconds: 30,
        maxPerUser: 5,
        maxPerTenant: 5,
        maxTotal: 5
    };
    await dataSource.query(`INSERT INTO sessions (id, user_id, tenant_id, roles, agent, mode, state, config, limits, connect_by, expires_at)
     VALUES ($1, 'bench-user', 'bench', '{bench}', 'default', 'proxy', 'active', $2, $3, now(), now() + interval '1 hour')`, [
        id,
        JSON.stringify(config),
        JSON.stringify(limits)
    ]);
    return id;
}

//# sourceMappingURL=bench-app.js.map