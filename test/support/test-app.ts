import { randomBytes } from 'node:crypto';

import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { createApp } from '../../src/app.factory.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { EmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { LogCapture } from './log-capture.js';
import { workerEmbeddedUrl } from './worker-databases.js';

export interface TestApp {
  readonly app: INestApplication;
  readonly config: AppConfig;
  /** Base URL of the listening app, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly schema: string;
  readonly logs: LogCapture;
  /** Runs SQL through the app's own connection (the embedded server takes one connection). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Record<string, string>;
  /** Join another test app's schema (a second replica); the first app drops it. */
  readonly schema?: string;
  readonly imports?: readonly (Type | DynamicModule)[];
}

/** The database this worker's tests use: DATABASE_URL, else the worker's shared embedded PGlite. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL ?? workerEmbeddedUrl();
  if (!url)
    throw new Error('No test database: run through jest (global setup) or set DATABASE_URL');
  return url;
}

/** A fresh schema name, so each test app sees only its own rows. */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Runs `sql` on the test database over a connection of its own; only while no app holds it. */
export async function queryTestDatabase<T = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Boots the real application (same factory as `main.ts`) on an ephemeral port, in a fresh schema
 * of the worker's database, with logs captured. `close()` shuts it down and drops the schema.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const schema = options.schema ?? freshSchema();
  const ownsSchema = options.schema === undefined;
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_SCHEMA: schema,
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  const embedded: EmbeddedPostgres | undefined = config.database.url
    ? undefined
    : { url: testDatabaseUrl(), close: async () => undefined };
  const logs = new LogCapture();
  const app = await createApp(config, { embedded, logDestination: logs, imports: options.imports });
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A boot check failed: release the connection (and the schema) before reporting it.
    if (ownsSchema)
      await app
        .get(DataSource)
        .query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
        .catch(() => undefined);
    await app.close().catch(() => undefined);
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    url,
    schema,
    logs,
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await app.get(DataSource).query(sql, params)) as T[],
    close: async () => {
      // Through the app's connection: the embedded server would refuse a second one.
      if (ownsSchema) await app.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await app.close();
    },
  };
}
