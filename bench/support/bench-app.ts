import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import pg from 'pg';

import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/load-config.js';

export interface BenchApp {
  readonly app: INestApplication;
  /** `postgresql` (DATABASE_URL) or `pglite` (embedded, when no URL is set). */
  readonly database: 'postgresql' | 'pglite';
  close(): Promise<void>;
}

/**
 * The real app on the real database: DATABASE_URL in a throwaway schema, else embedded PGlite
 * in a temporary directory. Logs are silenced so they do not skew the timings.
 */
export async function startBenchApp(imports: (Type | DynamicModule)[]): Promise<BenchApp> {
  const url = process.env.DATABASE_URL;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const dataDir = url ? undefined : mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url, DATABASE_SCHEMA: schema } : { SWITCHBOARD_DATA_DIR: dataDir! }),
  });
  const app = await createApp(config, { imports });
  await app.init();
  return {
    app,
    database: url ? 'postgresql' : 'pglite',
    async close() {
      await app.close();
      if (url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
