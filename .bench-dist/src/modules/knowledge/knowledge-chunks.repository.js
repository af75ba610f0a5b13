function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pgvector from 'pgvector';
import { DataSource } from 'typeorm';
import { reviewOverdueSql, servableSql } from '../../knowledge/index.js';
import { modelLiteral, vectorIndexName } from './embedding-model-id.js';
/** Joins every candidate to its source (`s`), document (`d`) and version (`v`). */ const JOINS = `JOIN knowledge_sources s ON s.id = c.source_id
  JOIN knowledge_documents d ON d.id = c.document_id
  JOIN knowledge_document_versions v ON v.document_id = c.document_id AND v.version = c.version`;
const FACTS = `c.id::text AS id, s.trust_tier, s.recency_half_life_days,
  EXTRACT(EPOCH FROM ($NOW - v.created_at)) / 86400 AS age_days`;
export class KnowledgeChunksRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    /** Inserts a batch; chunks a resumed job already stored are left as they are. */ async insertBatch(owner, chunks, vectors) {
        await this.dataSource.query(`INSERT INTO knowledge_chunks (document_id, version, source_id, tenant_id, model_id, dimension,
         chunk_index, heading_path, text, page, token_count, embedding, tsv)
       SELECT $1, $2, $3, $4, $5, $6, u.idx, ARRAY(SELECT jsonb_array_elements_text(u.heading::jsonb)),
         u.body, u.page, u.tokens, u.embedding::vector,
         to_tsvector('english', u.heading_text || ' ' || u.body)
       FROM unnest($7::int[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[], $13::text[])
         AS u(idx, heading, body, page, tokens, embedding, heading_text)
       ON CONFLICT (document_id, version, model_id, chunk_index) DO NOTHING`, [
            owner.documentId,
            owner.version,
            owner.sourceId,
            owner.tenantId,
            owner.modelId,
            vectors[0]?.length ?? 0,
            chunks.map((c)=>c.index),
            chunks.map((c)=>JSON.stringify(c.headingPath)),
            chunks.map((c)=>c.text),
            chunks.map((c)=>c.page ?? null),
            chunks.map((c)=>c.tokenCount),
            vectors.map((v)=>pgvector.toSql(Array.from(v))),
            chunks.map((c)=>c.headingPath.join(' '))
        ]);
    }
    /** How many chunks of the version a model already has (a resumed job starts after them). */ async countStored(documentId, version, modelId, tx) {
        const [row] = await (tx ?? this.dataSource).query(`SELECT count(*)::int AS n FROM knowledge_chunks
       WHERE document_id = $1 AND version = $2 AND model_id = $3`, [
            documentId,
            version,
            modelId
        ]);
        return row.n;
    }
    /** Drops the chunks of versions nobody may read any more (in the publishing transaction). */ async deleteVersions(documentId, versions, tx) {
        if (versions.length === 0) return;
        await tx.query(`DELETE FROM knowledge_chunks WHERE document_id = $1 AND version = ANY($2::int[])`, [
            documentId,
            versions
        ]);
    }
    async deleteModel(modelId, tx) {
        await tx.query(`DELETE FROM knowledge_chunks WHERE model_id = $1`, [
            modelId
        ]);
    }
    /** Creates the partial HNSW index for a model, once (the built-in model's comes with the schema). */ async ensureVectorIndex(model) {
        await this.dataSource.query(`CREATE INDEX IF NOT EXISTS ${vectorIndexName(model.modelId)} ON knowledge_chunks
         USING hnsw ((embedding::vector(${dimensionOf(model)})) vector_cosine_ops)
         WHERE model_id = ${modelLiteral(model.modelId)}`);
    }
    /** Whether the sources hold at most `bound` chunks of the model (counting stops at bound + 1). */ async atMost(model, sourceIds, bound, tx) {
        const [row] = await tx.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM knowledge_chunks
         WHERE model_id = ${modelLiteral(model.modelId)} AND source_id = ANY($1::text[])
         LIMIT ${Math.trunc(bound) + 1}) x`, [
            sourceIds
        ]);
        return row.n <= bound;
    }
    /**
   * Nearest servable chunks by cosine distance, best first. `exact` scans every chunk of the
   * sources (right for small scopes, where a filtered HNSW walk finds too few); otherwise the HNSW
   * index with pgvector's iterative scan, so filters still leave `limit` results. The caller runs
   * this inside a transaction (for `SET LOCAL`).
   */ async nearest(q, limit, options, tx) {
        const cast = `c.embedding::vector(${dimensionOf(q.model)})`;
        const distance = `${cast} <=> $1::vector(${dimensionOf(q.model)})`;
        if (!options.exact) {
            await tx.query(`SET LOCAL hnsw.ef_search = ${Math.trunc(options.efSearch)}`);
            await tx.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
        }
        // relaxed_order may return slightly out of order: the outer query sorts again.
        return await tx.query(`WITH hits AS MATERIALIZED (
         SELECT ${FACTS.replaceAll('$NOW', '$3')}, ${distance} AS distance
         FROM knowledge_chunks c ${JOINS}
         WHERE c.model_id = ${modelLiteral(q.model.modelId)} AND c.source_id = ANY($2::text[])
           AND ${servableSql('$3')}
         ORDER BY ${options.exact ? `(${distance}) + 0` : distance}
         LIMIT $4)
       SELECT * FROM hits ORDER BY distance, id::bigint`, [
            pgvector.toSql(Array.from(q.vector)),
            q.sourceIds,
            q.now,
            limit
        ]);
    }
    /** Servable chunks matching every query term (websearch syntax), best first. */ async matching(q, limit, tx) {
        return await tx.query(`SELECT ${FACTS.replaceAll('$NOW', '$3')}
       FROM knowledge_chunks c ${JOINS}, websearch_to_tsquery('english', $1) query
       WHERE c.model_id = ${modelLiteral(q.model.modelId)} AND c.source_id = ANY($2::text[])
         AND c.tsv @@ query AND ${servableSql('$3')}
       ORDER BY ts_rank_cd(c.tsv, query) DESC, c.id
       LIMIT $4`, [
            q.text,
            q.sourceIds,
            q.now,
            limit
        ]);
    }
    /** Texts and citations of the chosen chunks (inside the search's snapshot). */ async details(ids, now, tx) {
        return await tx.query(`SELECT c.id::text AS id, c.text, c.heading_path, c.page, c.source_id, c.document_id,
         c.version, v.title, v.created_at AS updated_at, ${reviewOverdueSql('$2')} AS review_overdue
       FROM knowledge_chunks c ${JOINS}
       WHERE c.id = ANY($1::bigint[])`, [
            ids,
            now
        ]);
    }
}
KnowledgeChunksRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], KnowledgeChunksRepository);
function dimensionOf(model) {
    if (!Number.isInteger(model.dimension) || model.dimension < 1 || model.dimension > 16_000) throw new Error(`Embedding dimension ${model.dimension} is not a usable vector size.`);
    return model.dimension;
}

//# sourceMappingURL=knowledge-chunks.repository.js.map