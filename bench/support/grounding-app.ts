import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ApiKeysService } from '../../src/modules/identity/api-keys.service.js';
import { KNOWLEDGE_ENV } from '../../test/support/knowledge.js';
import { profilesFileEnv } from '../../test/support/profiles-file.js';
import { JWT_ENV } from '../../test/support/tokens.js';
import { startBenchApp, type BenchApp } from './bench-app.js';
import { LIVE_AGENTS, REALTIME_AGENTS, SCENARIO } from './grounding-agents.js';
import type { CorpusDocument } from './grounding-corpus.js';
import { baseUrl } from './grounding-page.js';

/** A booted app with the corpus ingested. */
export interface BootedApp {
  readonly bench: BenchApp;
  /** The chunks the corpus was stored as. */
  readonly chunks: number;
}

/**
 * The env of every boot: the bench's agents and scenario, simulator inspection, fast knowledge
 * polling, and budgets and session limits no run reaches.
 */
export function groundingBenchEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-grounding-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(SCENARIO));
  return {
    ...JWT_ENV,
    ...profilesFileEnv({ ...REALTIME_AGENTS, ...LIVE_AGENTS }),
    SWITCHBOARD_SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
    SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
    ...KNOWLEDGE_ENV,
    SWITCHBOARD_SESSION_BUDGET_USD: '1000',
    SWITCHBOARD_USER_DAILY_BUDGET_USD: '1000',
    SWITCHBOARD_SESSIONS_PER_USER: '10',
  };
}

/**
 * Boots the app with the simulator's transcription delay at `delayMs`, ingests `docs`, runs `use`
 * on it and closes it, whatever happens.
 */
export async function withBootedApp<T>(
  env: Record<string, string>,
  delayMs: number,
  docs: readonly CorpusDocument[],
  log: (line: string) => void,
  use: (booted: BootedApp) => Promise<T>,
): Promise<T> {
  const bench = await startBenchApp([], {
    ...env,
    SWITCHBOARD_SIMULATOR_TRANSCRIPTION_DELAY_MS: String(delayMs),
  });
  try {
    await bench.app.listen(0, '127.0.0.1');
    const t0 = performance.now();
    const chunks = await ingest(bench.app, docs);
    log(
      `${bench.database}, transcription delay ${delayMs} ms: ${docs.length} documents ` +
        `(${chunks} chunks) ingested in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return await use({ bench, chunks });
  } finally {
    await bench.close();
  }
}

/** Uploads `docs` into one acme source readable by `customer`; resolves once every job is ready. */
async function ingest(app: INestApplication, docs: readonly CorpusDocument[]): Promise<number> {
  const base = await baseUrl(app);
  const { key } = await app
    .get(ApiKeysService)
    .create('bench-editor', ['knowledge_editor'], 'system');
  const call = async (path: string, body: unknown, expected: number) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== expected) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, string>;
  };
  const { id: sourceId } = await call(
    '/v1/knowledge/sources',
    { name: 'Shop help centre', tenantId: 'acme', allowedRoles: ['customer'] },
    201,
  );
  const ids: string[] = [];
  for (const doc of docs) {
    const path = `/v1/knowledge/sources/${sourceId}/documents`;
    ids.push((await call(path, { title: doc.title, text: doc.text }, 202)).documentId!);
  }
  const dataSource = app.get(DataSource);
  await jobsReady(dataSource, ids);
  const [{ stored }] = (await dataSource.query(
    `SELECT count(*)::int AS stored FROM knowledge_chunks WHERE source_id = $1`,
    [sourceId],
  )) as { stored: number }[];
  return stored;
}

/** Waits until every ingestion job of `documentIds` is ready; throws once one has failed. */
async function jobsReady(dataSource: DataSource, documentIds: string[]): Promise<void> {
  for (let tries = 0; ; tries++) {
    const rows = (await dataSource.query(
      `SELECT status, count(*)::int AS n FROM knowledge_jobs
       WHERE document_id = ANY($1::text[]) GROUP BY status`,
      [documentIds],
    )) as { status: string; n: number }[];
    const failed = rows.find((r) => r.status === 'failed')?.n ?? 0;
    if (failed > 0) throw new Error(`${failed} ingestion jobs failed`);
    if (rows.every((r) => r.status === 'ready')) return;
    if (tries > 6000) throw new Error('ingestion did not finish within 5 minutes');
    await sleep(50);
  }
}
