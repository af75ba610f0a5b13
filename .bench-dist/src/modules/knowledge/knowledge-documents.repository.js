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
export class KnowledgeDocumentsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async insert(doc, tx) {
        await tx.query(`INSERT INTO knowledge_documents (id, source_id, title, created_by) VALUES ($1, $2, $3, $4)`, [
            doc.id,
            doc.sourceId,
            doc.title,
            doc.createdBy
        ]);
    }
    async find(id, tx) {
        const [row] = await (tx ?? this.dataSource).query(`SELECT * FROM knowledge_documents WHERE id = $1`, [
            id
        ]);
        return row;
    }
    /** Locks the document until `tx` ends: versions of one document are numbered one at a time. */ async findForUpdate(id, tx) {
        const [row] = await tx.query(`SELECT * FROM knowledge_documents WHERE id = $1 FOR UPDATE`, [
            id
        ]);
        return row;
    }
    /** The next version number, reserved under the row lock of `tx`. */ async reserveVersion(id, tx) {
        const [rows] = await tx.query(`UPDATE knowledge_documents SET latest_version = latest_version + 1, updated_at = now()
       WHERE id = $1 RETURNING latest_version`, [
            id
        ]);
        return rows[0].latest_version;
    }
    /**
   * Makes `version` the visible one, in the caller's transaction (with the old version's
   * supersession and chunk removal), unless a newer version was published first.
   */ async publish(id, version, title, tx) {
        const [rows] = await tx.query(`UPDATE knowledge_documents SET current_version = $2, title = $3, updated_at = now()
       WHERE id = $1 AND (current_version IS NULL OR current_version < $2) RETURNING id`, [
            id,
            version,
            title
        ]);
        return rows.length === 1;
    }
    async retract(id, by, reason, tx) {
        const [rows] = await tx.query(`UPDATE knowledge_documents SET retracted_at = now(), retracted_by = $2,
         retraction_reason = $3, updated_at = now()
       WHERE id = $1 AND retracted_at IS NULL RETURNING *`, [
            id,
            by,
            reason
        ]);
        return rows[0];
    }
    /** The documents of a source, oldest first, after the cursor id. */ async forSource(sourceId, after, limit) {
        return await this.dataSource.query(`SELECT * FROM knowledge_documents WHERE source_id = $1
         AND ($2::text IS NULL
              OR (created_at, id) > (SELECT created_at, id FROM knowledge_documents WHERE id = $2))
       ORDER BY created_at, id LIMIT $3`, [
            sourceId,
            after ?? null,
            limit
        ]);
    }
}
KnowledgeDocumentsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], KnowledgeDocumentsRepository);

//# sourceMappingURL=knowledge-documents.repository.js.map