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
export class KnowledgeSourcesRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async insert(source, tx) {
        const [row] = await tx.query(`INSERT INTO knowledge_sources (id, tenant_id, name, allowed_roles, max_age_days,
         review_every_days, review_overdue, trust_tier, recency_half_life_days, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`, [
            source.id,
            source.tenantId,
            source.name,
            source.allowedRoles,
            source.maxAgeDays,
            source.reviewEveryDays,
            source.reviewOverdue,
            source.trustTier,
            source.recencyHalfLifeDays,
            source.createdBy
        ]);
        return row;
    }
    async update(id, settings, tx) {
        const [rows] = await tx.query(`UPDATE knowledge_sources SET name = $2, allowed_roles = $3, max_age_days = $4,
         review_every_days = $5, review_overdue = $6, trust_tier = $7,
         recency_half_life_days = $8, updated_at = now()
       WHERE id = $1 RETURNING *`, [
            id,
            settings.name,
            settings.allowedRoles,
            settings.maxAgeDays,
            settings.reviewEveryDays,
            settings.reviewOverdue,
            settings.trustTier,
            settings.recencyHalfLifeDays
        ]);
        return rows[0];
    }
    async find(id, tx) {
        const [row] = await (tx ?? this.dataSource).query(`SELECT * FROM knowledge_sources WHERE id = $1`, [
            id
        ]);
        return row;
    }
    /** Locks the source until `tx` ends (settings changes are taken one at a time). */ async findForUpdate(id, tx) {
        const [row] = await tx.query(`SELECT * FROM knowledge_sources WHERE id = $1 FOR UPDATE`, [
            id
        ]);
        return row;
    }
    /** Sources matching `where`, oldest first. */ async list(where, limit) {
        const limitParam = where.next(limit);
        return await this.dataSource.query(`SELECT * FROM knowledge_sources ${where.toSql()} ORDER BY created_at, id LIMIT ${limitParam}`, where.params);
    }
    /** The ids of the sources matching `where` (the caller's readable scope). */ async ids(where) {
        const rows = await this.dataSource.query(`SELECT id FROM knowledge_sources ${where.toSql()}`, where.params);
        return rows.map((r)=>r.id);
    }
    static{
        /** The cursor condition of `list`: sources after the one with id `?`. */ this.AFTER = '(created_at, id) > (SELECT created_at, id FROM knowledge_sources WHERE id = ?)';
    }
}
KnowledgeSourcesRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], KnowledgeSourcesRepository);

//# sourceMappingURL=knowledge-sources.repository.js.map