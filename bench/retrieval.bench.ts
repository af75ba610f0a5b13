import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { INestApplication } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Principal } from '../src/common/auth/principal.js';
import { AppConfig } from '../src/config/app-config.js';
import { chunkDocument } from '../src/knowledge/chunk/index.js';
import { extractDocument } from '../src/knowledge/extract/index.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { KnowledgeAccess } from '../src/modules/knowledge/knowledge-access.policy.js';
import { KnowledgeChunksRepository } from '../src/modules/knowledge/knowledge-chunks.repository.js';
import { KnowledgeClock } from '../src/modules/knowledge/knowledge-clock.js';
import { KnowledgeDocuments } from '../src/modules/knowledge/knowledge-documents.service.js';
import { KnowledgeModels } from '../src/modules/knowledge/knowledge-models.js';
import { KnowledgeScopeSizes } from '../src/modules/knowledge/knowledge-scope-sizes.js';
import { KnowledgeSearch } from '../src/modules/knowledge/knowledge-search.service.js';
import { KnowledgeSourcesRepository } from '../src/modules/knowledge/knowledge-sources.repository.js';
import { TEST_MODEL_CACHE_DIR } from '../test/support/knowledge.js';
import { JWT_ENV, userToken } from '../test/support/tokens.js';
import { startBenchApp } from './support/bench-app.js';
import {
  buildCorpus,
  chunksOf,
  describeCorpus,
  ingestionDocuments,
  questions,
  type BenchQuery,
  type Corpus,
} from './support/retrieval-corpus.js';
import {
  cacheDirBytes,
  corpusVectors,
  type CorpusVectors,
} from './support/retrieval-embeddings.js';
import { loadCorpus, type LoadReport } from './support/retrieval-load.js';
import { distribution, writeResult, type Distribution } from './support/stats.js';

/**
 * Retrieval at scale, on the real database (DATABASE_URL: 10k and 100k chunks; PGlite: 10k), with
 * the real built-in embedding model. For each size, a fresh schema of the booted app is bulk-loaded
 * with a deterministic corpus of realistic help-centre passages (`support/retrieval-corpus.ts`;
 * vectors cached in `bench/.cache`), the HNSW index is built, and then, per caller (an operator
 * key reading everything; a customer of a tenant reading 10 %; one reading 1 %):
 * - `KnowledgeSearch.search` (query embedding + hybrid search + freshness + ACL, one snapshot)
 *   p50/p95, through the service and through HTTP, vs the same service with the exact path
 *   forced (`exactScanBelow` = 1,000,000) on the same queries;
 * - recall@10 of the vector arm as the service runs it (`KnowledgeChunksRepository.nearest`, 40
 *   candidates, best 10) against exhaustive nearest neighbours of the same query vectors among the
 *   caller's chunks (computed in JS from the cached vectors; checked against the database's exact
 *   scan on 20 queries), and the share of searches that return k = 10 hits;
 * - EXPLAIN ANALYZE of the vector arm as the service sends it.
 * Once per run (in the first size's app, after its queries): ingestion chunks/s through the real
 * pipeline (KnowledgeDocuments.upload + IngestionWorker, first upload → all jobs ready) vs
 * WorkerEmbedder.embed of the same chunk texts.
 *
 * Env: SWITCHBOARD_BENCH_RETRIEVAL_SIZES (e.g. `10000,100000`), _QUERIES (240 per caller and
 * size, plus an eighth as warm-up), _INGEST_DOCUMENTS (300), and the app's own
 * SWITCHBOARD_KNOWLEDGE_EF_SEARCH / SWITCHBOARD_KNOWLEDGE_EXACT_SCAN_BELOW, passed through.
 */

const K = 10;
const QUERIES = Number(process.env.SWITCHBOARD_BENCH_RETRIEVAL_QUERIES ?? 240);
const WARM_UP = Math.max(5, Math.round(QUERIES / 8));
const DB_EXACT_CHECKS = 20;
const INGEST_DOCUMENTS = Number(process.env.SWITCHBOARD_BENCH_RETRIEVAL_INGEST_DOCUMENTS ?? 300);
const EF_SWEEP = [40, 100, 200, 400];
const TARGETS = {
  ingestVsRawEmbedding: 0.8,
  serviceP95MsAt100k: 15,
  exactOverServiceP95At100k: 10,
  recallAt10: 0.95,
  filteredFullShare: 0.99,
};
const PASSED_THROUGH = [
  'SWITCHBOARD_KNOWLEDGE_EF_SEARCH',
  'SWITCHBOARD_KNOWLEDGE_EXACT_SCAN_BELOW',
];

interface Caller {
  readonly name: 'all' | '10%' | '1%';
  readonly principal: Principal;
  readonly sources: ReadonlySet<number>;
  /** For HTTP: a JWT of the same user, or an operator API key. */
  token(app: INestApplication): Promise<string>;
}

function callers(corpus: Corpus): Caller[] {
  const where = (test: (s: Corpus['sources'][number]) => boolean) =>
    new Set(corpus.sources.flatMap((s, i) => (test(s) ? [i] : [])));
  const user =
    (id: string, tenant: string): Caller['token'] =>
    () =>
      userToken({ sub: id, tenant, roles: ['customer'] }, { expiresIn: '2h' });
  return [
    {
      name: 'all',
      principal: { kind: 'api-key', id: 'key_bench', tenantId: null, roles: ['knowledge_editor'] },
      sources: where(() => true),
      token: async (app) =>
        (await app.get(ApiKeysService).create('bench-reader', ['knowledge_editor'], 'system')).key,
    },
    {
      name: '10%',
      principal: { kind: 'user', id: 'ann', tenantId: 't-northwind', roles: ['customer'] },
      sources: where(
        (s) => s.company.tenantId === 't-northwind' && s.allowedRoles.includes('customer'),
      ),
      token: user('ann', 't-northwind'),
    },
    {
      name: '1%',
      principal: { kind: 'user', id: 'bob', tenantId: 't-bluebird', roles: ['customer'] },
      sources: where(
        (s) => s.company.tenantId === 't-bluebird' && s.allowedRoles.includes('customer'),
      ),
      token: user('bob', 't-bluebird'),
    },
  ];
}

export async function runRetrievalBench(): Promise<void> {
  const runStart = performance.now();
  const url = process.env.DATABASE_URL;
  const database = url ? 'postgresql' : 'pglite';
  const sizes = (process.env.SWITCHBOARD_BENCH_RETRIEVAL_SIZES ?? (url ? '10000,100000' : '10000'))
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const log = (line: string) =>
    console.log(`[retrieval ${((performance.now() - runStart) / 1000).toFixed(0)}s] ${line}`);
  const appEnv: Record<string, string> = {
    ...JWT_ENV,
    SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
    SWITCHBOARD_KNOWLEDGE_POLL_MS: '100',
    ...Object.fromEntries(
      PASSED_THROUGH.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]),
    ),
  };

  const corpusStart = performance.now();
  const corpus = buildCorpus(Math.max(...sizes));
  const corpusSeconds = (performance.now() - corpusStart) / 1000;
  log(
    `corpus: ${corpus.chunks.length} passages in ${corpus.documents.length} documents (${corpusSeconds.toFixed(1)} s)`,
  );
  const vectors = await corpusVectors(
    corpus.chunks.map((c) => c.embeddingText),
    { modelCacheDir: TEST_MODEL_CACHE_DIR, dtype: 'q8', log },
  );
  log(
    vectors.embeddedNow > 0
      ? `embedded ${vectors.embeddedNow} passages now in ${(vectors.embedMsNow / 1000).toFixed(0)} s`
      : `vectors from the cache (${(vectors.cacheBytes / 2 ** 20).toFixed(0)} MB); the first run embedded them in ${(vectors.firstRunEmbedMs / 1000).toFixed(0)} s`,
  );

  const sizeRuns: SizeRun[] = [];
  let ingestion: IngestionReport | undefined;
  for (const [i, size] of sizes.entries()) {
    const bench = await startBenchApp([], appEnv);
    try {
      const { app } = bench;
      log(`${size} chunks: loading into a fresh ${bench.database} schema`);
      const load = await loadCorpus(app.get(DataSource), corpus, vectors, size, log);
      await app.listen(0, '127.0.0.1');
      const run = await measureSize(app, corpus, vectors, size, load, log);
      sizeRuns.push(run);
      if (i === 0) ingestion = await ingestionThroughput(app, log);
    } finally {
      await bench.close();
    }
  }

  const config = sizeRuns[0]!.config;
  const totalSeconds = (performance.now() - runStart) / 1000;
  const databaseRun = {
    database,
    at: new Date().toISOString(),
    totalRunSeconds: Math.round(totalSeconds),
    config,
    ratios: {
      ingestVsRawEmbedding: ingestion!.ratio,
      bySize: Object.fromEntries(sizeRuns.map((r) => [r.chunks, r.ratios])),
    },
    targets: judge(ingestion!, sizeRuns),
    ingestion,
    sizes: sizeRuns.map(({ ratios: _ratios, config: _config, ...rest }) => rest),
    embedding: {
      model: 'Xenova/all-MiniLM-L6-v2',
      dtype: 'q8',
      firstRunSeconds: Math.round(vectors.firstRunEmbedMs / 1000),
      firstRunPassagesPerSecond: round((corpus.chunks.length / vectors.firstRunEmbedMs) * 1000, 1),
      embeddedThisRun: vectors.embeddedNow,
      cacheMegabytes: round(cacheDirBytes() / 2 ** 20, 1),
      cacheFiles: vectors.cacheFiles.length,
      tokens: tokenStats(vectors.tokens),
    },
  };
  const file = writeResult('retrieval', merged(databaseRun, corpus));
  printTable(databaseRun);
  console.log(
    JSON.stringify({
      file,
      totalRunSeconds: databaseRun.totalRunSeconds,
      missed: databaseRun.targets.missed,
    }),
  );
}

/** ─── one corpus size ──────────────────────────────────────────────────────────── */

interface SettingRun {
  readonly caller: Caller['name'];
  readonly readableChunks: number;
  readonly readableShare: number;
  readonly queries: number;
  /** What the service does for this caller's scope (exact below `exactScanBelow`). */
  readonly vectorPath: 'hnsw' | 'exact';
  readonly service: Distribution;
  readonly http: Distribution;
  readonly exactService: Distribution;
  readonly fullResultShare: number;
  readonly hitAgreementWithExactAt10: number;
  readonly recallAt10: number;
  readonly hnswRecallAt10: number;
  readonly hnswMinRecallAt10: number;
  /** HNSW recall@10 of the questions written from a passage, and of the off-topic ones. */
  readonly hnswRecallAt10OnTopic: number;
  readonly hnswRecallAt10OffTopic: number;
  /** Mean cosine similarity of the exact top 10 minus that of the HNSW arm's top 10 (0: as close). */
  readonly hnswSimilarityGapAt10: number;
  /** Where one search's time goes (mean ms per search, instrumented pass over the first queries). */
  readonly stages: Record<string, number>;
  readonly hnswArm: Distribution;
  readonly hnswArmFullShare: number;
  readonly exactArmCheckedAgainstJs: number;
  readonly queryEmbedding: Distribution;
  readonly textArm: Distribution;
  readonly textArmEmptyShare: number;
  readonly efSweep?: readonly {
    efSearch: number;
    recallAt10: number;
    p50Ms: number;
    p95Ms: number;
  }[];
  readonly explain: readonly string[];
}

interface SizeRun {
  readonly chunks: number;
  readonly config: { efSearch: number; exactScanBelow: number };
  readonly ratios: Record<string, unknown>;
  readonly load: LoadReport;
  readonly settings: readonly SettingRun[];
}

async function measureSize(
  app: INestApplication,
  corpus: Corpus,
  vectors: CorpusVectors,
  size: number,
  load: LoadReport,
  log: (line: string) => void,
): Promise<SizeRun> {
  const config = app.get(AppConfig);
  const { efSearch, exactScanBelow } = config.knowledge;
  const exactConfig = Object.assign(
    Object.create(Object.getPrototypeOf(config) as object),
    config,
    {
      knowledge: { ...config.knowledge, exactScanBelow: 1_000_000 },
    },
  ) as AppConfig;
  // The same service class and dependencies, with the exact path forced.
  const exactSearch = new KnowledgeSearch(
    app.get(DataSource),
    exactConfig,
    app.get(KnowledgeSourcesRepository),
    app.get(KnowledgeChunksRepository),
    app.get(KnowledgeModels),
    app.get(KnowledgeClock),
    app.get(KnowledgeScopeSizes),
  );
  const settings: SettingRun[] = [];
  for (const caller of callers(corpus)) {
    log(`${size} chunks, caller ${caller.name}: measuring`);
    settings.push(await measureSetting(app, exactSearch, corpus, vectors, size, caller));
    const s = settings.at(-1)!;
    log(
      `  service p50/p95 ${s.service.p50Ms}/${s.service.p95Ms} ms (${s.vectorPath}), exact ${s.exactService.p50Ms}/${s.exactService.p95Ms} ms, ` +
        `recall@10 ${s.recallAt10} (hnsw ${s.hnswRecallAt10}), full ${s.fullResultShare}`,
    );
    log(
      `  per search: ${Object.entries(s.stages)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} ms`,
    );
  }
  const ratios = Object.fromEntries(
    settings.map((s) => [
      s.caller,
      {
        exactOverServiceP95: round(s.exactService.p95Ms / s.service.p95Ms, 2),
        exactOverServiceP50: round(s.exactService.p50Ms / s.service.p50Ms, 2),
        recallAt10: s.recallAt10,
        hnswRecallAt10: s.hnswRecallAt10,
        fullResultShare: s.fullResultShare,
        hitAgreementWithExactAt10: s.hitAgreementWithExactAt10,
      },
    ]),
  );
  return { chunks: size, config: { efSearch, exactScanBelow }, ratios, load, settings };
}

async function measureSetting(
  app: INestApplication,
  exactSearch: KnowledgeSearch,
  corpus: Corpus,
  vectors: CorpusVectors,
  size: number,
  caller: Caller,
): Promise<SettingRun> {
  const dataSource = app.get(DataSource);
  const search = app.get(KnowledgeSearch);
  const chunks = app.get(KnowledgeChunksRepository);
  const models = app.get(KnowledgeModels);
  const config = app.get(AppConfig).knowledge;
  const model = (await models.active())!;
  const embedder = models.embedder(model.modelId, 'queries');

  const readable = chunksOf(corpus, caller.sources).filter((i) => i < size);
  const sourceIds = await app
    .get(KnowledgeSourcesRepository)
    .ids(KnowledgeAccess.of(caller.principal).readableSources());
  const expected = [...caller.sources].map((i) => corpus.sources[i]!.id).sort();
  if (JSON.stringify([...sourceIds].sort()) !== JSON.stringify(expected))
    throw new Error(
      `${caller.name}: the app lets it read ${sourceIds.join(',')}, expected ${expected.join(',')}`,
    );
  const seed = 1000 + size + caller.name.length;
  const measured = questions(corpus, readable, QUERIES, seed);
  const warm = questions(corpus, readable, WARM_UP, seed + 7);
  const texts = measured.map((q) => normalise(q.text));

  // Warm-up: the embedder, both arms, the exact path, HTTP.
  const base = await app.getUrl();
  const token = await caller.token(app);
  const http = (q: string) =>
    fetch(
      `${base.replace('[::1]', '127.0.0.1')}/v1/knowledge/search?q=${encodeURIComponent(q)}&k=${K}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    ).then(async (res) => {
      if (res.status !== 200) throw new Error(`search: ${res.status} ${await res.text()}`);
      return (await res.json()) as { hits: unknown[] };
    });
  for (const w of warm) {
    await search.search(caller.principal, w.text, K);
    await http(w.text);
  }
  for (const w of warm.slice(0, 5)) await exactSearch.search(caller.principal, w.text, K);

  const serviceTimes: number[] = [];
  const serviceHits: string[][] = [];
  let wall = performance.now();
  for (const q of measured) {
    const t0 = performance.now();
    const { hits } = await search.search(caller.principal, q.text, K);
    serviceTimes.push(performance.now() - t0);
    serviceHits.push(hits.map((h) => `${h.citation.documentId}#${h.text}`));
  }
  const service = distribution(serviceTimes, performance.now() - wall);

  const httpTimes: number[] = [];
  wall = performance.now();
  for (const q of measured) {
    const t0 = performance.now();
    await http(q.text);
    httpTimes.push(performance.now() - t0);
  }
  const httpDist = distribution(httpTimes, performance.now() - wall);

  const exactTimes: number[] = [];
  let agreement = 0;
  wall = performance.now();
  for (const [i, q] of measured.entries()) {
    const t0 = performance.now();
    const { hits } = await exactSearch.search(caller.principal, q.text, K);
    exactTimes.push(performance.now() - t0);
    // Share of the exact service's hits the normal service also returned.
    const mine = new Set(serviceHits[i]);
    const keys = new Set(hits.map((h) => `${h.citation.documentId}#${h.text}`));
    agreement += keys.size === 0 ? 1 : [...keys].filter((k) => mine.has(k)).length / keys.size;
  }
  const exactService = distribution(exactTimes, performance.now() - wall);

  // The query vectors, as the service embeds them (one at a time, timed).
  const embedTimes: number[] = [];
  const queryVectors: Float32Array[] = [];
  wall = performance.now();
  for (const text of texts) {
    const t0 = performance.now();
    queryVectors.push((await embedder.embed([text]))[0]!);
    embedTimes.push(performance.now() - t0);
  }
  const queryEmbedding = distribution(embedTimes, performance.now() - wall);

  const truth = exhaustiveTop(queryVectors, vectors, readable, K);
  const now = app.get(KnowledgeClock).now();
  const scope = { model, sourceIds, now };
  const candidates = Math.max(K * 4, 40);
  const exactPath = await app
    .get(KnowledgeScopeSizes)
    .atMost(model, sourceIds, config.exactScanBelow);
  const arm = (vector: Float32Array, exact: boolean, ef = config.efSearch, limit = candidates) =>
    dataSource.transaction('REPEATABLE READ', (tx) =>
      chunks.nearest({ ...scope, vector }, limit, { exact, efSearch: ef }, tx),
    );
  const recallOf = (ids: readonly { id: string }[], i: number) => {
    const want = new Set(truth[i]);
    return ids.slice(0, K).filter((c) => want.has(Number(c.id) - 1)).length / K;
  };
  const hnswTimes: number[] = [];
  let hnswRecall = 0;
  let onTopic = 0;
  let offTopic = 0;
  let gap = 0;
  let hnswMin = 1;
  let hnswFull = 0;
  let servedRecall = 0;
  wall = performance.now();
  for (const [i, vector] of queryVectors.entries()) {
    const t0 = performance.now();
    const got = await arm(vector, false);
    hnswTimes.push(performance.now() - t0);
    const r = recallOf(got, i);
    hnswRecall += r;
    if (measured[i]!.chunk < 0) offTopic += r;
    else onTopic += r;
    gap +=
      meanSimilarity(vector, vectors, truth[i]!) -
      meanSimilarity(
        vector,
        vectors,
        got.slice(0, K).map((c) => Number(c.id) - 1),
      );
    hnswMin = Math.min(hnswMin, r);
    if (got.length >= candidates) hnswFull++;
    servedRecall += exactPath ? recallOf(await arm(vector, true), i) : r;
  }
  const hnswArm = distribution(hnswTimes, performance.now() - wall);
  let checked = 0;
  const checks = Math.min(DB_EXACT_CHECKS, queryVectors.length);
  for (let i = 0; i < checks; i++)
    checked += recallOf(await arm(queryVectors[i]!, true, config.efSearch, K), i);

  const textTimes: number[] = [];
  let textEmpty = 0;
  wall = performance.now();
  for (const text of texts) {
    const t0 = performance.now();
    const got = await dataSource.transaction('REPEATABLE READ', (tx) =>
      chunks.matching({ ...scope, text }, candidates, tx),
    );
    textTimes.push(performance.now() - t0);
    if (got.length === 0) textEmpty++;
  }
  const textArm = distribution(textTimes, performance.now() - wall);

  // Recall and latency of the HNSW arm at other ef_search values (one at a time: PGlite has one connection).
  let efSweep: { efSearch: number; recallAt10: number; p50Ms: number; p95Ms: number }[] | undefined;
  if (!exactPath) {
    efSweep = [];
    for (const ef of EF_SWEEP) {
      const times: number[] = [];
      let recall = 0;
      const started = performance.now();
      for (const [i, vector] of queryVectors.entries()) {
        const t0 = performance.now();
        recall += recallOf(await arm(vector, false, ef), i);
        times.push(performance.now() - t0);
      }
      const d = distribution(times, performance.now() - started);
      efSweep.push({
        efSearch: ef,
        recallAt10: round(recall / queryVectors.length, 4),
        p50Ms: d.p50Ms,
        p95Ms: d.p95Ms,
      });
    }
  }

  const stages = await stageBreakdown(app, search, caller.principal, measured.slice(0, 60));
  const explain = await explainVectorArm(
    dataSource,
    chunks,
    { ...scope, vector: queryVectors[0]! },
    candidates,
    {
      exact: exactPath,
      efSearch: config.efSearch,
    },
  );

  const n = measured.length;
  return {
    caller: caller.name,
    readableChunks: readable.length,
    readableShare: round(readable.length / size, 4),
    queries: n,
    vectorPath: exactPath ? 'exact' : 'hnsw',
    service,
    http: httpDist,
    exactService,
    fullResultShare: round(serviceHits.filter((h) => h.length === K).length / n, 4),
    hitAgreementWithExactAt10: round(agreement / n, 4),
    recallAt10: round(servedRecall / n, 4),
    hnswRecallAt10: round(hnswRecall / n, 4),
    hnswMinRecallAt10: hnswMin,
    hnswRecallAt10OnTopic: round(
      onTopic / Math.max(1, measured.filter((q) => q.chunk >= 0).length),
      4,
    ),
    hnswRecallAt10OffTopic: round(
      offTopic / Math.max(1, measured.filter((q) => q.chunk < 0).length),
      4,
    ),
    hnswSimilarityGapAt10: round(gap / n, 5),
    stages,
    hnswArm,
    hnswArmFullShare: round(hnswFull / n, 4),
    exactArmCheckedAgainstJs: round(checked / checks, 4),
    queryEmbedding,
    textArm,
    textArmEmptyShare: round(textEmpty / n, 4),
    efSweep,
    explain,
  };
}

/** Exhaustive top-k by cosine (the vectors are unit length) among `readable`, as corpus indexes. */
function exhaustiveTop(
  queries: readonly Float32Array[],
  corpus: CorpusVectors,
  readable: readonly number[],
  k: number,
): number[][] {
  const dim = corpus.dimension;
  const all = corpus.vectors;
  return queries.map((q) => {
    const best: { i: number; s: number }[] = [];
    for (const i of readable) {
      let s = 0;
      const o = i * dim;
      for (let j = 0; j < dim; j++) s += q[j]! * all[o + j]!;
      if (best.length < k || s > best[best.length - 1]!.s) {
        best.push({ i, s });
        best.sort((a, b) => b.s - a.s);
        if (best.length > k) best.pop();
      }
    }
    return best.map((b) => b.i);
  });
}

function meanSimilarity(q: Float32Array, corpus: CorpusVectors, ids: readonly number[]): number {
  let total = 0;
  for (const i of ids) {
    let s = 0;
    for (let j = 0; j < corpus.dimension; j++)
      s += q[j]! * corpus.vectors[i * corpus.dimension + j]!;
    total += s;
  }
  return ids.length === 0 ? 0 : total / ids.length;
}

/**
 * Runs `search` over `queries` with the collaborators it calls timed (the same singleton instances
 * the service holds), and returns the mean ms per search of each, plus what is left (transaction
 * round trips, fusion, mapping). The timers are removed afterwards.
 */
async function stageBreakdown(
  app: INestApplication,
  search: KnowledgeSearch,
  principal: Principal,
  queries: readonly BenchQuery[],
): Promise<Record<string, number>> {
  const models = app.get(KnowledgeModels);
  const model = (await models.active())!;
  const totals: Record<string, number> = {};
  const restore: (() => void)[] = [];
  const time = (target: object, method: string, label: string) => {
    const host = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = host[method]!;
    host[method] = async function (this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        totals[label] = (totals[label] ?? 0) + performance.now() - t0;
      }
    };
    restore.push(() => {
      host[method] = original;
    });
  };
  const chunks = app.get(KnowledgeChunksRepository);
  time(models.embedder(model.modelId, 'queries'), 'embed', 'embed query (overlaps the text arm)');
  time(app.get(KnowledgeSourcesRepository), 'ids', 'readable sources');
  time(models, 'active', 'active model (×2)');
  time(app.get(KnowledgeScopeSizes), 'atMost', 'scope size (cached counts)');
  time(chunks, 'nearest', 'vector arm');
  time(chunks, 'matching', 'text arm');
  let total = 0;
  try {
    for (const q of queries) {
      const t0 = performance.now();
      await search.search(principal, q.text, K);
      total += performance.now() - t0;
    }
  } finally {
    for (const undo of restore) undo();
  }
  const out: Record<string, number> = { total: round(total / queries.length, 2) };
  let known = 0;
  for (const [label, ms] of Object.entries(totals)) {
    out[label] = round(ms / queries.length, 2);
    known += ms;
  }
  // The query is embedded while the text arm runs, so the stages may add up to more than the total.
  out['other (transaction, fusion) or overlap (negative)'] = round(
    (total - known) / queries.length,
    2,
  );
  return out;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the vector arm exactly as the repository sends it. */
async function explainVectorArm(
  dataSource: DataSource,
  chunks: KnowledgeChunksRepository,
  q: Parameters<KnowledgeChunksRepository['nearest']>[0],
  limit: number,
  options: { exact: boolean; efSearch: number },
): Promise<string[]> {
  const sent: { sql: string; params?: unknown[] }[] = [];
  await dataSource.transaction('REPEATABLE READ', async (tx) => {
    const recording = new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'query')
          return (sql: string, params?: unknown[]) => {
            sent.push({ sql, params });
            return target.query(sql, params);
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as EntityManager;
    await chunks.nearest(q, limit, options, recording);
  });
  const select = sent.at(-1)!;
  return dataSource.transaction('REPEATABLE READ', async (tx) => {
    for (const s of sent.slice(0, -1)) await tx.query(s.sql, s.params);
    const rows = (await tx.query(`EXPLAIN (ANALYZE, BUFFERS) ${select.sql}`, select.params)) as {
      'QUERY PLAN': string;
    }[];
    return [...sent.slice(0, -1).map((s) => s.sql), ...rows.map((r) => r['QUERY PLAN'])];
  });
}

/** ─── ingestion ────────────────────────────────────────────────────────────────── */

interface IngestionReport {
  readonly documents: number;
  readonly chunks: number;
  readonly meanTokens: number;
  readonly pipelineSeconds: number;
  readonly pipelineChunksPerSecond: number;
  readonly rawEmbedSeconds: number;
  readonly rawChunksPerSecond: number;
  readonly ratio: number;
  /** Only when the ratio misses its target: raw embedding batched per document as the worker does. */
  readonly rawPerDocumentChunksPerSecond?: number;
  readonly uploadSeconds: number;
}

async function ingestionThroughput(
  app: INestApplication,
  log: (line: string) => void,
): Promise<IngestionReport> {
  const dataSource = app.get(DataSource);
  const documents = app.get(KnowledgeDocuments);
  const models = app.get(KnowledgeModels);
  const model = (await models.active())!;
  const editor: Principal = {
    kind: 'api-key',
    id: 'key_bench_editor',
    tenantId: null,
    roles: ['knowledge_editor'],
  };
  const sourceId = 'src_benchingest';
  await dataSource.query(
    `INSERT INTO knowledge_sources (id, tenant_id, name, allowed_roles, created_by)
     VALUES ($1, 't-ingest', 'Ingestion bench', '{ingest}', 'bench')`,
    [sourceId],
  );
  const docs = ingestionDocuments(INGEST_DOCUMENTS);
  // The chunks the worker will make, by the same pure functions, for the raw baseline.
  const counter = await models.tokenCounter(model.modelId);
  const texts: string[] = [];
  const perDocument: string[][] = [];
  for (const doc of docs) {
    const extracted = await extractDocument(
      { bytes: Buffer.from(doc.markdown), declaredFormat: 'markdown' },
      { maxBytes: 10_485_760, maxPages: 300 },
    );
    perDocument.push(chunkDocument(extracted, counter).map((c) => c.embeddingText));
    texts.push(...perDocument.at(-1)!);
  }
  log(`ingestion: ${docs.length} documents → ${texts.length} chunks; uploading`);

  const ids: string[] = [];
  const t0 = performance.now();
  for (const doc of docs) {
    const { documentId } = await documents.upload(
      editor,
      sourceId,
      { bytes: Buffer.from(doc.markdown), declaredFormat: 'markdown' },
      { title: doc.title },
    );
    ids.push(documentId);
  }
  const uploadSeconds = (performance.now() - t0) / 1000;
  for (;;) {
    const [{ open, failed }] = (await dataSource.query(
      `SELECT count(*) FILTER (WHERE status NOT IN ('ready', 'failed'))::int AS open,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
       FROM knowledge_jobs WHERE document_id = ANY($1::text[])`,
      [ids],
    )) as { open: number; failed: number }[];
    if (failed > 0) throw new Error(`${failed} ingestion jobs failed`);
    if (open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pipelineSeconds = (performance.now() - t0) / 1000;
  const [{ stored }] = (await dataSource.query(
    `SELECT count(*)::int AS stored FROM knowledge_chunks WHERE source_id = $1`,
    [sourceId],
  )) as { stored: number }[];
  if (stored !== texts.length)
    throw new Error(`the pipeline stored ${stored} chunks, expected ${texts.length}`);
  log(
    `  pipeline: ${stored} chunks in ${pipelineSeconds.toFixed(1)} s; raw embedding of the same texts`,
  );

  // The same texts in the same order, one batch of 16 (the worker's step and the embedder's batch) at a time.
  const embedder = models.embedder(model.modelId);
  const r0 = performance.now();
  for (let i = 0; i < texts.length; i += 16) await embedder.embed(texts.slice(i, i + 16));
  const rawEmbedSeconds = (performance.now() - r0) / 1000;
  const tokens = texts.reduce((n, t) => n + counter.count(t), 0);
  const pipelineChunksPerSecond = stored / pipelineSeconds;
  const rawChunksPerSecond = texts.length / rawEmbedSeconds;
  // Below target: is it the batches (the worker embeds one document at a time, ≤ 16 per step) or the
  // work between them? Embed again exactly as the worker batches, without the database in between.
  let rawPerDocumentChunksPerSecond: number | undefined;
  if (pipelineChunksPerSecond / rawChunksPerSecond < TARGETS.ingestVsRawEmbedding) {
    const d0 = performance.now();
    for (const doc of perDocument)
      for (let i = 0; i < doc.length; i += 16) await embedder.embed(doc.slice(i, i + 16));
    rawPerDocumentChunksPerSecond = round(texts.length / ((performance.now() - d0) / 1000), 1);
  }
  return {
    documents: docs.length,
    chunks: stored,
    meanTokens: Math.round(tokens / texts.length),
    pipelineSeconds: round(pipelineSeconds, 2),
    pipelineChunksPerSecond: round(pipelineChunksPerSecond, 1),
    rawEmbedSeconds: round(rawEmbedSeconds, 2),
    rawChunksPerSecond: round(rawChunksPerSecond, 1),
    ratio: round(pipelineChunksPerSecond / rawChunksPerSecond, 3),
    rawPerDocumentChunksPerSecond,
    uploadSeconds: round(uploadSeconds, 2),
  };
}

/** ─── targets, results, table ──────────────────────────────────────────────────── */

function judge(ingestion: IngestionReport, runs: readonly SizeRun[]) {
  const checks: { target: string; value: number; met: boolean }[] = [];
  const check = (target: string, value: number, met: boolean) =>
    checks.push({ target, value, met });
  check(
    `ingestion ≥ ${TARGETS.ingestVsRawEmbedding}× raw embedding`,
    ingestion.ratio,
    ingestion.ratio >= TARGETS.ingestVsRawEmbedding,
  );
  for (const run of runs) {
    for (const s of run.settings) {
      const at = `${run.chunks} ${s.caller}`;
      if (s.vectorPath === 'hnsw' || s.caller === 'all')
        check(
          `${at}: recall@10 ≥ ${TARGETS.recallAt10}`,
          s.recallAt10,
          s.recallAt10 >= TARGETS.recallAt10,
        );
      if (s.caller !== 'all')
        check(
          `${at}: share with k results ≥ ${TARGETS.filteredFullShare}`,
          s.fullResultShare,
          s.fullResultShare >= TARGETS.filteredFullShare,
        );
      if (run.chunks >= 100_000) {
        check(
          `${at}: service p95 ≤ ${TARGETS.serviceP95MsAt100k} ms`,
          s.service.p95Ms,
          s.service.p95Ms <= TARGETS.serviceP95MsAt100k,
        );
        const ratio = round(s.exactService.p95Ms / s.service.p95Ms, 2);
        if (s.caller === 'all')
          check(
            `${at}: ≥ ${TARGETS.exactOverServiceP95At100k}× faster than exact (p95)`,
            ratio,
            ratio >= TARGETS.exactOverServiceP95At100k,
          );
      }
    }
  }
  return {
    checks,
    missed: checks.filter((c) => !c.met).map((c) => `${c.target} (got ${c.value})`),
  };
}

/** Keeps the other database's run in the file, so PostgreSQL and PGlite figures sit side by side. */
function merged(run: { database: string }, corpus: Corpus) {
  let previous: { runs?: Record<string, unknown> } = {};
  try {
    previous = JSON.parse(readResult()) as typeof previous;
  } catch {
    previous = {};
  }
  const runs = { ...(previous.runs ?? {}), [run.database]: run };
  const ordered = Object.fromEntries(
    ['postgresql', 'pglite'].filter((k) => runs[k]).map((k) => [k, runs[k]]),
  );
  const ratios = Object.fromEntries(
    Object.entries(ordered).map(([db, r]) => [db, (r as { ratios: unknown }).ratios]),
  );
  return {
    benchmark: 'retrieval',
    what:
      'KnowledgeSearch.search (query embedding + hybrid search + freshness + ACL) p50/p95 vs the same service with the exact path forced; ' +
      'recall@10 of the vector arm vs exhaustive nearest neighbours; filtered callers reading 10 % and 1 %; ingestion through the pipeline vs raw embedding',
    targets: TARGETS,
    ratios,
    runs: ordered,
    corpus: describeCorpus(corpus),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      freeMemoryGbAtEnd: round(freemem() / 2 ** 30, 1),
      loadAverageAtEnd: loadavg().map((l) => round(l, 2)),
      node: process.version,
    },
  };
}

/** The previous `bench/results/retrieval.json` (this file runs from `<out>/bench/`). */
function readResult(): string {
  return readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '../../bench/results/retrieval.json'),
    'utf8',
  );
}

function printTable(run: {
  database: string;
  totalRunSeconds: number;
  ingestion?: IngestionReport;
  sizes: readonly Omit<SizeRun, 'ratios' | 'config'>[];
  config: { efSearch: number; exactScanBelow: number };
  targets: { missed: string[] };
  embedding: { firstRunSeconds: number; cacheMegabytes: number };
}) {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(
    `retrieval [${run.database}] ef_search ${run.config.efSearch}, exactScanBelow ${run.config.exactScanBelow}, ${run.totalRunSeconds} s`,
  );
  console.log(
    `  ratios       ${pad('caller', 7)}${pad('exact÷service p95', 19)}${pad('recall@10', 11)}${pad('hnsw recall', 13)}${pad('k hits', 8)}agree w/ exact`,
  );
  for (const size of run.sizes)
    for (const s of size.settings)
      console.log(
        `  ${pad(size.chunks, 12)} ${pad(s.caller, 7)}${pad(`×${round(s.exactService.p95Ms / s.service.p95Ms, 1)}`, 19)}${pad(s.recallAt10, 11)}${pad(s.hnswRecallAt10, 13)}${pad(s.fullResultShare, 8)}${s.hitAgreementWithExactAt10}`,
      );
  const i = run.ingestion!;
  console.log(
    `  ingestion    ${i.pipelineChunksPerSecond} chunks/s through the pipeline vs ${i.rawChunksPerSecond}/s raw embedding (×${i.ratio}; ${i.chunks} chunks of ~${i.meanTokens} tokens, ${i.documents} documents)`,
  );
  const widths = [13, 7, 6, 18, 18, 18, 17, 18, 17];
  const cells = (...values: (string | number)[]) =>
    values.map((v, k) => pad(v, widths[k]!)).join('');
  const pair = (d: Distribution) => `${d.p50Ms}/${d.p95Ms}`;
  console.log(
    `  ${cells('absolute', 'caller', 'path', 'service p50/p95', 'http p50/p95', 'exact p50/p95', 'embed p50/p95', 'hnsw arm p50/p95', 'text arm p50/p95')}`,
  );
  for (const size of run.sizes)
    for (const s of size.settings)
      console.log(
        `  ${cells(size.chunks, s.caller, s.vectorPath, pair(s.service), pair(s.http), pair(s.exactService), pair(s.queryEmbedding), pair(s.hnswArm), pair(s.textArm))}`,
      );
  for (const size of run.sizes)
    console.log(
      `  load ${size.chunks}: insert ${size.load.insertSeconds} s (${size.load.insertedChunksPerSecond}/s), HNSW build ${size.load.hnswBuildSeconds} s (${size.load.hnswMegabytes} MB, maintenance_work_mem ${size.load.maintenanceWorkMem}), ` +
        size.load.indexBuilds
          .filter((b) => !b.name.includes('hnsw'))
          .map((b) => `${b.name.replace('knowledge_chunks_', '')} ${b.seconds} s`)
          .join(', '),
    );
  console.log(
    `  embedding: first run ${run.embedding.firstRunSeconds} s, cache ${run.embedding.cacheMegabytes} MB`,
  );
  if (run.targets.missed.length > 0) console.log(`  MISSED: ${run.targets.missed.join('; ')}`);
  else console.log('  all targets met');
}

function tokenStats(tokens: Uint16Array) {
  const sorted = [...tokens].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    min: sorted[0],
    p10: at(0.1),
    median: at(0.5),
    p90: at(0.9),
    max: sorted.at(-1),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 1),
  };
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
