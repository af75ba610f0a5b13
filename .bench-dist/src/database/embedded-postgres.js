import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
/**
 * Starts PGlite on `dataDir` (a directory, or `memory://` for a throwaway database) and serves it
 * on an ephemeral loopback port with pglite-socket, so TypeORM talks to it through the same `pg`
 * driver it uses for a real server. Initialising takes a few seconds (PGlite runs initdb).
 * One connection by default: every connection shares PGlite's single backend session. Tests allow
 * a few, so an app that is closing and the next one starting do not race for the only slot.
 */ export async function startEmbeddedPostgres(dataDir, { maxConnections = 1 } = {}) {
    const inMemory = dataDir.startsWith('memory://');
    const location = inMemory ? dataDir : resolve(dataDir);
    if (!inMemory) mkdirSync(location, {
        recursive: true
    });
    const db = await PGlite.create(location, {
        extensions: {
            vector
        }
    });
    const server = new PGLiteSocketServer({
        db,
        host: '127.0.0.1',
        port: 0,
        maxConnections
    });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    let closing;
    return {
        url,
        close: ()=>{
            closing ??= (async ()=>{
                await server.stop();
                await db.close();
            })();
            return closing;
        }
    };
}

//# sourceMappingURL=embedded-postgres.js.map