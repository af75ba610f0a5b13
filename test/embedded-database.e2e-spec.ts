import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/load-config.js';
import { LogCapture } from './support/log-capture.js';

/**
 * The zero-set-up path exactly as `npm start` runs it: no DATABASE_URL, the app starts its own
 * PGlite. Slow (PGlite initialises twice), so it stays in one file.
 */
describe('embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const boot = async () => {
    const config = loadConfig({ SWITCHBOARD_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const app = await createApp(config, { logDestination: new LogCapture() });
    await app.listen(0, '127.0.0.1');
    return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  };

  it('starts on a data directory, is ready with pgvector, and keeps data across a clean restart', async () => {
    const first = await boot();
    expect(await (await fetch(`${first.url}/ready`)).json()).toEqual({
      status: 'ok',
      database: 'up',
      embeddedDatabase: true,
      pgvector: expect.stringMatching(/^0\.8\.\d+$/),
      pendingMigrations: 0,
      openai: 'simulator',
    });
    const { DataSource } = await import('typeorm');
    await first.app
      .get(DataSource)
      .query(`CREATE TABLE restart_probe (v text); INSERT INTO restart_probe VALUES ('kept')`);
    await first.app.close();

    const second = await boot();
    const rows = await second.app.get(DataSource).query(`SELECT v FROM restart_probe`);
    expect(rows).toEqual([{ v: 'kept' }]);
    const readiness = (await (await fetch(`${second.url}/ready`)).json()) as {
      pendingMigrations: number;
    };
    expect(readiness.pendingMigrations).toBe(0);
    await second.app.close();
    // Two fresh PGlite starts; on a busy machine (the full suite beside it) that takes a while.
  }, 180_000);
});
