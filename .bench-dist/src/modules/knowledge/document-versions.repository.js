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
import { DataSource } from 'typeorm';
/** Without `blocks`, which can be large and only the ingestion job reads. */ const SUMMARY = `document_id, version, title, format, byte_size, content_sha256, pages, valid_from,
  valid_until, review_by, reviewed_at, reviewed_by, status, chunk_count, created_by, created_at,
  ready_at, superseded_at`;
export class DocumentVersionsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async insert(v, tx) {
        await tx.query(`INSERT INTO knowledge_document_versions (document_id, version, title, format, byte_size,
         content_sha256, pages, blocks, valid_from, valid_until, review_by, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [
            v.documentId,
            v.version,
            v.title,
            v.extracted.format,
            v.byteSize,
            v.sha256,
            v.extracted.pages ?? null,
            JSON.stringify(v.extracted.blocks),
            v.validFrom,
            v.validUntil,
            v.reviewBy,
            v.createdBy
        ]);
    }
    async find(documentId, version, tx) {
        const [row] = await (tx ?? this.dataSource).query(`SELECT ${SUMMARY} FROM knowledge_document_versions WHERE document_id = $1 AND version = $2`, [
            documentId,
            version
        ]);
        return row;
    }
    /** The extracted blocks the ingestion job chunks. */ async blocks(documentId, version) {
        const [row] = await this.dataSource.query(`SELECT format, pages, title, blocks FROM knowledge_document_versions
       WHERE document_id = $1 AND version = $2`, [
            documentId,
            version
        ]);
        if (!row) return undefined;
        return {
            format: row.format,
            pages: row.pages ?? undefined,
            title: row.title,
            blocks: row.blocks
        };
    }
    async forDocument(documentId) {
        return await this.dataSource.query(`SELECT ${SUMMARY} FROM knowledge_document_versions WHERE document_id = $1 ORDER BY version`, [
            documentId
        ]);
    }
    async markReady(documentId, version, chunks, tx) {
        await tx.query(`UPDATE knowledge_document_versions SET status = 'ready', chunk_count = $3, ready_at = now()
       WHERE document_id = $1 AND version = $2`, [
            documentId,
            version,
            chunks
        ]);
    }
    /** Every older ready version of the document stops being current (kept for the record). */ async supersedeOlder(documentId, version, tx) {
        const [rows] = await tx.query(`UPDATE knowledge_document_versions SET status = 'superseded', superseded_at = now()
       WHERE document_id = $1 AND version < $2 AND status = 'ready' RETURNING version`, [
            documentId,
            version
        ]);
        return rows.map((r)=>r.version);
    }
    async markFailed(documentId, version, tx) {
        await tx.query(`UPDATE knowledge_document_versions SET status = 'failed'
       WHERE document_id = $1 AND version = $2 AND status = 'processing'`, [
            documentId,
            version
        ]);
    }
    /** Records a review; `nextReviewBy` replaces the due date (null: the source's cadence). */ async review(documentId, version, by, nextReviewBy, tx) {
        await tx.query(`UPDATE knowledge_document_versions SET reviewed_at = now(), reviewed_by = $3, review_by = $4
       WHERE document_id = $1 AND version = $2`, [
            documentId,
            version,
            by,
            nextReviewBy
        ]);
    }
    /**
   * The current versions of the sources matching `sources` (a condition on `s.`), with the facts
   * the freshness rule reads, for the editors' stale list.
   */ async currentWithFacts(sources, limit) {
        const scope = sources.toSql().replace(/^WHERE/, 'AND');
        const limitParam = sources.next(limit);
        return await this.dataSource.query(`SELECT v.document_id, v.version, v.title, d.source_id, s.name AS source_name,
         d.retracted_at, d.current_version, v.created_at, v.valid_from, v.valid_until, v.review_by,
         v.reviewed_at, s.max_age_days, s.review_every_days, s.review_overdue
       FROM knowledge_document_versions v
       JOIN knowledge_documents d ON d.id = v.document_id AND d.current_version = v.version
       JOIN knowledge_sources s ON s.id = d.source_id
       WHERE d.retracted_at IS NULL ${scope}
       ORDER BY v.created_at, v.document_id LIMIT ${limitParam}`, sources.params);
    }
    /** Ready, current versions (what a re-embedding must cover). */ async current(tx) {
        return await tx.query(`SELECT v.document_id, v.version FROM knowledge_document_versions v
       WHERE v.status = 'ready' ORDER BY v.document_id`);
    }
}
DocumentVersionsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], DocumentVersionsRepository);

//# sourceMappingURL=document-versions.repository.js.map