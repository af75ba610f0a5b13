import { createHash } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { BUILT_IN_MODEL_ID } from '../../src/knowledge/embedding/index.js';
import { servableSql } from '../../src/knowledge/index.js';
import type { Corpus } from './retrieval-corpus.js';
import type { CorpusVectors } from './retrieval-embeddings.js';

/** The indexes of knowledge_chunks dropped for the bulk load and built again from their own definitions. */
const REBUILT = [
  'knowledge_chunks_tenant_idx',
  'knowledge_chunks_source_idx',
  'knowledge_chunks_tsv_idx',
  'knowledge_chunks_hnsw_builtin',
];
const ROWS_PER_STATEMENT = 500;
const DAY_MS = 86_400_000;
/** For the HNSW build only (the default 64 MB makes PostgreSQL build 100k vectors ~3× slower). */
export const BUILD_MAINTENANCE_WORK_MEM = '512MB';

export interface LoadReport {
  readonly sources: number;
  readonly documents: number;
  readonly versions: number;
  readonly chunks: number;
  readonly insertSeconds: number;
  readonly insertedChunksPerSecond: number;
  readonly indexBuilds: readonly { name: string; seconds: number; megabytes: number }[];
  readonly hnswBuildSeconds: number;
  readonly hnswMegabytes: number;
  readonly maintenanceWorkMem: string;
  readonly parallelMaintenanceWorkers: string;
  readonly vacuumAnalyzeSeconds: number;
  readonly servableChunks: number;
}

/**
 * Writes the first `size` passages of `corpus` into the app's (fresh) schema by bulk SQL: sources
 * with their tenants, roles and freshness rules; documents with a current, ready version (a fifth
 * also with a superseded version 1, so the current-version join has something to reject); chunks
 * with their vectors and full-text documents, ids = corpus index + 1. The three secondary indexes
 * of knowledge_chunks are dropped first and built again afterwards from their own definitions (the
 * HNSW one with `maintenance_work_mem` raised for that session), then the tables are analysed.
 * Every chunk must come out servable now; anything else throws.
 */
export async function loadCorpus(
  dataSource: DataSource,
  corpus: Corpus,
  vectors: CorpusVectors,
  size: number,
  log: (line: string) => void,
): Promise<LoadReport> {
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const documents = corpus.documents.filter((d) => d.firstChunk < size);
  const sourceIds = corpus.sources.map((s) => s.id);

  await dataSource.query(
    `INSERT INTO knowledge_sources (id, tenant_id, name, allowed_roles, max_age_days, review_every_days,
       review_overdue, trust_tier, recency_half_life_days, created_by, created_at)
     SELECT u.id, u.tenant, u.name, ARRAY(SELECT jsonb_array_elements_text(u.roles::jsonb)), u.max_age,
       u.review_every, u.overdue, u.tier, u.half_life, 'bench', $10::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[],
       $8::text[], $9::int[]) AS u(id, tenant, name, roles, max_age, review_every, overdue, tier, half_life)`,
    [
      sourceIds,
      corpus.sources.map((s) => s.company.tenantId),
      corpus.sources.map((s) => s.name),
      corpus.sources.map((s) => JSON.stringify(s.allowedRoles)),
      corpus.sources.map((s) => s.maxAgeDays),
      corpus.sources.map((s) => s.reviewEveryDays),
      corpus.sources.map((s) => s.reviewOverdue),
      corpus.sources.map((s) => s.trustTier),
      corpus.sources.map((s) => s.recencyHalfLifeDays),
      at(400),
    ],
  );
  await dataSource.query(
    `INSERT INTO knowledge_documents (id, source_id, title, current_version, latest_version, created_by,
       created_at, updated_at)
     SELECT u.id, u.source, u.title, u.version, u.version, 'bench', u.created, u.created
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])
       AS u(id, source, title, version, created)`,
    [
      documents.map((d) => d.id),
      documents.map((d) => sourceIds[d.source]),
      documents.map((d) => d.title),
      documents.map((d) => d.version),
      documents.map((d) => at(d.createdDaysAgo + (d.version === 2 ? 60 : 0))),
    ],
  );
  // One row per version: the current one (ready), and for version-2 documents a superseded version 1.
  const versions = documents.flatMap((d) => {
    const chunks = Math.min(d.chunkCount, size - d.firstChunk);
    const texts = corpus.chunks.slice(d.firstChunk, d.firstChunk + chunks).map((c) => c.text);
    const body = texts.join('\n\n');
    const sha = createHash('sha256').update(body).digest('hex');
    const current = {
      document: d.id,
      version: d.version,
      title: d.title,
      bytes: Buffer.byteLength(body),
      sha,
      status: 'ready',
      chunks,
      created: at(d.createdDaysAgo),
      reviewed:
        d.reviewedDaysAgo === null ? null : at(Math.min(d.reviewedDaysAgo, d.createdDaysAgo)),
      validUntil: d.validUntilDaysAhead === null ? null : at(-d.validUntilDaysAhead),
      superseded: null as string | null,
    };
    if (d.version === 1) return [current];
    const old = {
      ...current,
      version: 1,
      sha: createHash('sha256').update(`old ${body}`).digest('hex'),
      status: 'superseded',
      chunks: 0,
      created: at(d.createdDaysAgo + 60),
      reviewed: null,
      superseded: current.created,
    };
    return [old, current];
  });
  await dataSource.query(
    `INSERT INTO knowledge_document_versions (document_id, version, title, format, byte_size,
       content_sha256, blocks, valid_until, reviewed_at, reviewed_by, status, chunk_count, created_by,
       created_at, ready_at, superseded_at)
     SELECT u.document, u.version, u.title, 'markdown', u.bytes, u.sha, '[]'::jsonb, u.valid_until,
       u.reviewed, CASE WHEN u.reviewed IS NULL THEN NULL ELSE 'bench' END, u.status, u.chunks, 'bench',
       u.created, u.created, u.superseded
     FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::text[], $6::timestamptz[],
       $7::timestamptz[], $8::text[], $9::int[], $10::timestamptz[], $11::timestamptz[])
       AS u(document, version, title, bytes, sha, valid_until, reviewed, status, chunks, created, superseded)`,
    [
      versions.map((v) => v.document),
      versions.map((v) => v.version),
      versions.map((v) => v.title),
      versions.map((v) => v.bytes),
      versions.map((v) => v.sha),
      versions.map((v) => v.validUntil),
      versions.map((v) => v.reviewed),
      versions.map((v) => v.status),
      versions.map((v) => v.chunks),
      versions.map((v) => v.created),
      versions.map((v) => v.superseded),
    ],
  );

  const definitions = (await dataSource.query(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = 'knowledge_chunks' AND indexname = ANY($1::text[])`,
    [REBUILT],
  )) as { name: string; definition: string }[];
  if (definitions.length !== REBUILT.length)
    throw new Error(
      `expected the indexes ${REBUILT.join(', ')}, found ${definitions.map((d) => d.name)}`,
    );
  for (const { name } of definitions) await dataSource.query(`DROP INDEX ${name}`);

  const insertStart = performance.now();
  let pending: Promise<unknown> | undefined;
  for (let from = 0; from < size; from += ROWS_PER_STATEMENT) {
    const params = chunkRows(
      corpus,
      vectors,
      from,
      Math.min(size, from + ROWS_PER_STATEMENT),
      sourceIds,
    );
    await pending;
    pending = dataSource.query(
      `INSERT INTO knowledge_chunks (id, document_id, version, source_id, tenant_id, model_id, dimension,
         chunk_index, heading_path, text, page, token_count, embedding, tsv)
       OVERRIDING SYSTEM VALUE
       SELECT u.id, u.document, u.version, u.source, u.tenant, '${BUILT_IN_MODEL_ID}', ${vectors.dimension},
         u.idx, ARRAY(SELECT jsonb_array_elements_text(u.heading::jsonb)), u.body, NULL, u.tokens,
         u.embedding::vector, to_tsvector('english', u.heading_text || ' ' || u.body)
       FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[],
         $8::text[], $9::int[], $10::text[], $11::text[])
         AS u(id, document, version, source, tenant, idx, heading, body, tokens, embedding, heading_text)`,
      params,
    );
    if ((from / ROWS_PER_STATEMENT) % 40 === 39)
      log(`  inserted ${from + ROWS_PER_STATEMENT} chunks`);
  }
  await pending;
  await dataSource.query(
    `SELECT setval(pg_get_serial_sequence('knowledge_chunks', 'id'), (SELECT max(id) FROM knowledge_chunks))`,
  );
  const insertSeconds = (performance.now() - insertStart) / 1000;
  log(`  inserted ${size} chunks in ${insertSeconds.toFixed(1)} s; building indexes`);

  const indexBuilds: { name: string; seconds: number; megabytes: number }[] = [];
  const [{ workers }] = (await dataSource.query(
    `SELECT current_setting('max_parallel_maintenance_workers') AS workers`,
  )) as { workers: string }[];
  for (const name of REBUILT) {
    const { definition } = definitions.find((d) => d.name === name)!;
    const t0 = performance.now();
    await dataSource.transaction(async (tx) => {
      if (name === 'knowledge_chunks_hnsw_builtin')
        await tx.query(`SET LOCAL maintenance_work_mem = '${BUILD_MAINTENANCE_WORK_MEM}'`);
      await tx.query(definition);
    });
    const seconds = (performance.now() - t0) / 1000;
    const [{ bytes }] = (await dataSource.query(
      `SELECT pg_relation_size($1::regclass)::bigint AS bytes`,
      [name],
    )) as { bytes: string }[];
    indexBuilds.push({
      name,
      seconds: round(seconds, 2),
      megabytes: round(Number(bytes) / 2 ** 20, 1),
    });
    log(`  ${name}: ${seconds.toFixed(1)} s, ${(Number(bytes) / 2 ** 20).toFixed(1)} MB`);
  }
  const vacuumStart = performance.now();
  for (const table of [
    'knowledge_chunks',
    'knowledge_document_versions',
    'knowledge_documents',
    'knowledge_sources',
  ])
    await dataSource.query(`VACUUM ANALYZE ${table}`);
  const vacuumAnalyzeSeconds = (performance.now() - vacuumStart) / 1000;

  const [{ servable }] = (await dataSource.query(
    `SELECT count(*)::int AS servable FROM knowledge_chunks c
       JOIN knowledge_sources s ON s.id = c.source_id
       JOIN knowledge_documents d ON d.id = c.document_id
       JOIN knowledge_document_versions v ON v.document_id = c.document_id AND v.version = c.version
     WHERE ${servableSql('now()')}`,
  )) as { servable: number }[];
  if (servable !== size) throw new Error(`only ${servable} of ${size} chunks are servable`);
  const hnsw = indexBuilds.find((b) => b.name === 'knowledge_chunks_hnsw_builtin')!;
  return {
    sources: corpus.sources.length,
    documents: documents.length,
    versions: versions.length,
    chunks: size,
    insertSeconds: round(insertSeconds, 2),
    insertedChunksPerSecond: Math.round(size / insertSeconds),
    indexBuilds,
    hnswBuildSeconds: hnsw.seconds,
    hnswMegabytes: hnsw.megabytes,
    maintenanceWorkMem: BUILD_MAINTENANCE_WORK_MEM,
    parallelMaintenanceWorkers: workers,
    vacuumAnalyzeSeconds: round(vacuumAnalyzeSeconds, 2),
    servableChunks: servable,
  };
}

function chunkRows(
  corpus: Corpus,
  vectors: CorpusVectors,
  from: number,
  to: number,
  sourceIds: readonly string[],
): unknown[] {
  const ids: number[] = [];
  const documents: string[] = [];
  const versions: number[] = [];
  const sources: string[] = [];
  const tenants: string[] = [];
  const indexes: number[] = [];
  const headings: string[] = [];
  const bodies: string[] = [];
  const tokens: number[] = [];
  const embeddings: string[] = [];
  const headingTexts: string[] = [];
  const dim = vectors.dimension;
  for (let i = from; i < to; i++) {
    const chunk = corpus.chunks[i]!;
    const doc = corpus.documents[chunk.document]!;
    const source = corpus.sources[doc.source]!;
    ids.push(i + 1);
    documents.push(doc.id);
    versions.push(doc.version);
    sources.push(sourceIds[doc.source]!);
    tenants.push(source.company.tenantId);
    indexes.push(chunk.index);
    headings.push(JSON.stringify(chunk.headingPath));
    bodies.push(chunk.text);
    tokens.push(vectors.tokens[i]!);
    headingTexts.push(chunk.headingPath.join(' '));
    // 9 significant digits give the float32 back exactly.
    const parts = new Array<string>(dim);
    for (let k = 0; k < dim; k++) parts[k] = vectors.vectors[i * dim + k]!.toPrecision(9);
    embeddings.push(`[${parts.join(',')}]`);
  }
  return [
    ids,
    documents,
    versions,
    sources,
    tenants,
    indexes,
    headings,
    bodies,
    tokens,
    embeddings,
    headingTexts,
  ];
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
