import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pgvector from 'pgvector';
import { DataSource, type EntityManager } from 'typeorm';

import {
  reviewOverdueSql,
  servableSql,
  type DocumentChunk,
  type TrustTier,
} from '../../knowledge/index.js';
import { modelLiteral, vectorIndexName } from './embedding-model-id.js';

/** Where a chunk's rows belong. */
export interface ChunkOwner {
  readonly documentId: string;
  readonly version: number;
  readonly sourceId: string;
  readonly tenantId: string | null;
  readonly modelId: string;
}

/**
 * What both retrieval arms return for each candidate: enough to fuse and weight them, and the
 * text and citation of a hit (a few dozen short rows, so one round trip fewer than asking again).
 */
export interface ChunkCandidate {
  readonly id: string;
  readonly trust_tier: TrustTier;
  readonly recency_half_life_days: number | null;
  readonly age_days: number;
  readonly text: string;
  readonly heading_path: string[];
  readonly page: number | null;
  readonly source_id: string;
  readonly document_id: string;
  readonly version: number;
  readonly title: string;
  readonly updated_at: Date;
  readonly review_overdue: boolean;
}

/** The model scope of a query: its id and dimension are written into the SQL (see below). */
export interface ModelScope {
  readonly modelId: string;
  readonly dimension: number;
}

/** As the built-in model's index (migration TuneKnowledgeRetrieval says why). */
const HNSW_BUILD_OPTIONS = 'm = 16, ef_construction = 200';

/** Joins every candidate to its source (`s`), document (`d`) and version (`v`). */
const JOINS = `JOIN knowledge_sources s ON s.id = c.source_id
  JOIN knowledge_documents d ON d.id = c.document_id
  JOIN knowledge_document_versions v ON v.document_id = c.document_id AND v.version = c.version`;

const CANDIDATE = (now: string) => `c.id::text AS id, s.trust_tier, s.recency_half_life_days,
  EXTRACT(EPOCH FROM (${now} - v.created_at)) / 86400 AS age_days,
  c.text, c.heading_path, c.page, c.source_id, c.document_id, c.version, v.title,
  v.created_at AS updated_at, ${reviewOverdueSql(now)} AS review_overdue`;

/**
 * The only place the `knowledge_chunks` table is read or written; retrieval joins the source,
 * document and version of each candidate to apply the freshness rule in the same statement.
 *
 * The model id and dimension are spliced into the SQL as literals, never as parameters: a partial
 * HNSW index is only chosen when the planner can prove the query's `model_id = '…'` matches the
 * index's predicate, and the `::vector(N)` cast must name the index's dimension. Both come from
 * configuration, checked by `modelLiteral`, never from a request.
 */
@Injectable()
export class KnowledgeChunksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a batch; chunks a resumed job already stored are left as they are. */
  async insertBatch(
    owner: ChunkOwner,
    chunks: readonly DocumentChunk[],
    vectors: readonly Float32Array[],
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO knowledge_chunks (document_id, version, source_id, tenant_id, model_id, dimension,
         chunk_index, heading_path, text, page, token_count, embedding, tsv)
       SELECT $1, $2, $3, $4, $5, $6, u.idx, ARRAY(SELECT jsonb_array_elements_text(u.heading::jsonb)),
         u.body, u.page, u.tokens, u.embedding::vector,
         to_tsvector('english', u.heading_text || ' ' || u.body)
       FROM unnest($7::int[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[], $13::text[])
         AS u(idx, heading, body, page, tokens, embedding, heading_text)
       ON CONFLICT (document_id, version, model_id, chunk_index) DO NOTHING`,
      [
        owner.documentId,
        owner.version,
        owner.sourceId,
        owner.tenantId,
        owner.modelId,
        vectors[0]?.length ?? 0,
        chunks.map((c) => c.index),
        chunks.map((c) => JSON.stringify(c.headingPath)),
        chunks.map((c) => c.text),
        chunks.map((c) => c.page ?? null),
        chunks.map((c) => c.tokenCount),
        vectors.map((v) => pgvector.toSql(Array.from(v))),
        chunks.map((c) => c.headingPath.join(' ')),
      ],
    );
  }

  /** How many chunks of the version a model already has (a resumed job starts after them). */
  async countStored(
    documentId: string,
    version: number,
    modelId: string,
    tx?: EntityManager,
  ): Promise<number> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT count(*)::int AS n FROM knowledge_chunks
       WHERE document_id = $1 AND version = $2 AND model_id = $3`,
      [documentId, version, modelId],
    )) as { n: number }[];
    return row.n;
  }

  /** Drops the chunks of versions nobody may read any more (in the publishing transaction). */
  async deleteVersions(documentId: string, versions: readonly number[], tx: EntityManager) {
    if (versions.length === 0) return;
    await tx.query(
      `DELETE FROM knowledge_chunks WHERE document_id = $1 AND version = ANY($2::int[])`,
      [documentId, versions],
    );
  }

  async deleteModel(modelId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM knowledge_chunks WHERE model_id = $1`, [modelId]);
  }

  /** Creates the partial HNSW index for a model, once (the built-in model's comes with the schema). */
  async ensureVectorIndex(model: ModelScope): Promise<void> {
    await this.dataSource.query(
      `CREATE INDEX IF NOT EXISTS ${vectorIndexName(model.modelId)} ON knowledge_chunks
         USING hnsw ((embedding::vector(${dimensionOf(model)})) vector_cosine_ops)
         WITH (${HNSW_BUILD_OPTIONS})
         WHERE model_id = ${modelLiteral(model.modelId)}`,
    );
  }

  /** Chunks of the model per source (the search's choice between an exact scan and HNSW). */
  async countBySource(model: ModelScope): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT source_id, count(*)::int AS n FROM knowledge_chunks
       WHERE model_id = ${modelLiteral(model.modelId)} GROUP BY source_id`,
    )) as { source_id: string; n: number }[];
    return new Map(rows.map((r) => [r.source_id, r.n]));
  }

  /**
   * Nearest servable chunks by cosine distance, best first. `exact` scans every chunk of the
   * sources (right for small scopes, where a filtered HNSW walk finds too few); otherwise the HNSW
   * index with pgvector's iterative scan, so filters still leave `limit` results. The caller runs
   * this inside a transaction (for `SET LOCAL`).
   */
  async nearest(
    q: { model: ModelScope; vector: Float32Array; sourceIds: readonly string[]; now: Date },
    limit: number,
    options: { exact: boolean; efSearch: number },
    tx: EntityManager,
  ): Promise<ChunkCandidate[]> {
    const cast = `c.embedding::vector(${dimensionOf(q.model)})`;
    const distance = `${cast} <=> $1::vector(${dimensionOf(q.model)})`;
    if (!options.exact) {
      // Both settings in one round trip; `true`: for this transaction only (SET LOCAL).
      await tx.query(
        `SELECT set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
        [String(Math.trunc(options.efSearch))],
      );
    }
    // relaxed_order may return slightly out of order: the outer query sorts again.
    return (await tx.query(
      `WITH hits AS MATERIALIZED (
         SELECT ${CANDIDATE('$3')}, ${distance} AS distance
         FROM knowledge_chunks c ${JOINS}
         WHERE c.model_id = ${modelLiteral(q.model.modelId)} AND c.source_id = ANY($2::text[])
           AND ${servableSql('$3')}
         ORDER BY ${options.exact ? `(${distance}) + 0` : distance}
         LIMIT $4)
       SELECT * FROM hits ORDER BY distance, id::bigint`,
      [pgvector.toSql(Array.from(q.vector)), q.sourceIds, q.now, limit],
    )) as ChunkCandidate[];
  }

  /** Servable chunks matching every query term (websearch syntax), best first. */
  async matching(
    q: { model: ModelScope; text: string; sourceIds: readonly string[]; now: Date },
    limit: number,
    tx: EntityManager,
  ): Promise<ChunkCandidate[]> {
    return (await tx.query(
      `SELECT ${CANDIDATE('$3')}
       FROM knowledge_chunks c ${JOINS}, websearch_to_tsquery('english', $1) query
       WHERE c.model_id = ${modelLiteral(q.model.modelId)} AND c.source_id = ANY($2::text[])
         AND c.tsv @@ query AND ${servableSql('$3')}
       ORDER BY ts_rank_cd(c.tsv, query) DESC, c.id
       LIMIT $4`,
      [q.text, q.sourceIds, q.now, limit],
    )) as ChunkCandidate[];
  }
}

function dimensionOf(model: ModelScope): number {
  if (!Number.isInteger(model.dimension) || model.dimension < 1 || model.dimension > 16_000)
    throw new Error(`Embedding dimension ${model.dimension} is not a usable vector size.`);
  return model.dimension;
}
