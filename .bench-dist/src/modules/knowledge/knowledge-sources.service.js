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
import { actorOf } from '../../common/auth/principal.js';
import { newId } from '../../common/ids.js';
import { AuditLog } from '../audit/index.js';
import { KnowledgeAccess } from './knowledge-access.policy.js';
import { sourceView } from './knowledge-source.record.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';
import { SourceNameTakenError, SourceNotFoundError } from './knowledge.errors.js';
const UNIQUE_VIOLATION = '23505';
export class KnowledgeSources {
    constructor(dataSource, sources, audit){
        this.dataSource = dataSource;
        this.sources = sources;
        this.audit = audit;
    }
    async create(principal, body) {
        const tenantId = KnowledgeAccess.of(principal).tenantForNewSource(body.tenantId);
        const settings = settingsFrom(body);
        const id = newId('src');
        await this.writing(settings.name, async (tx)=>{
            await this.sources.insert({
                ...settings,
                id,
                tenantId,
                createdBy: actorOf(principal)
            }, tx);
            await this.audit.append({
                actor: actorOf(principal),
                action: 'knowledge.source_created',
                subject: id,
                data: {
                    tenantId,
                    ...settings
                }
            }, tx);
        });
        return {
            id
        };
    }
    async update(principal, id, body) {
        return this.writing(body.name ?? '', async (tx)=>{
            const current = await this.sources.findForUpdate(id, tx);
            if (!current || !KnowledgeAccess.of(principal).manages(current.tenant_id)) throw new SourceNotFoundError(id);
            const settings = settingsFrom({
                ...settingsOf(current),
                ...definedOnly(body)
            });
            const row = await this.sources.update(id, settings, tx);
            await this.audit.append({
                actor: actorOf(principal),
                action: 'knowledge.source_updated',
                subject: id,
                data: {
                    changes: definedOnly(body)
                }
            }, tx);
            return sourceView(row);
        });
    }
    /** A source the principal manages, or SOURCE_NOT_FOUND (never "exists but not yours"). */ async managed(principal, id, tx) {
        const row = await this.sources.find(id, tx);
        if (!row || !KnowledgeAccess.of(principal).manages(row.tenant_id)) throw new SourceNotFoundError(id);
        return row;
    }
    async list(principal, cursor, limit) {
        const where = KnowledgeAccess.of(principal).managedSources().add(KnowledgeSourcesRepository.AFTER, cursor);
        const rows = await this.sources.list(where, limit + 1);
        const items = rows.slice(0, limit).map(sourceView);
        return {
            items,
            nextCursor: rows.length > limit ? items.at(-1).id : null
        };
    }
    async writing(name, work) {
        try {
            return await this.dataSource.transaction(work);
        } catch (error) {
            if (error.code === UNIQUE_VIOLATION) throw new SourceNameTakenError(name);
            throw error;
        }
    }
}
KnowledgeSources = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof KnowledgeSourcesRepository === "undefined" ? Object : KnowledgeSourcesRepository,
        typeof AuditLog === "undefined" ? Object : AuditLog
    ])
], KnowledgeSources);
function settingsFrom(body) {
    return {
        name: body.name.trim(),
        allowedRoles: [
            ...new Set(body.allowedRoles)
        ].sort(),
        maxAgeDays: body.maxAgeDays ?? null,
        reviewEveryDays: body.reviewEveryDays ?? null,
        reviewOverdue: body.reviewOverdue ?? 'exclude',
        trustTier: body.trustTier ?? 'standard',
        recencyHalfLifeDays: body.recencyHalfLifeDays ?? null
    };
}
function settingsOf(row) {
    return {
        name: row.name,
        allowedRoles: row.allowed_roles,
        maxAgeDays: row.max_age_days,
        reviewEveryDays: row.review_every_days,
        reviewOverdue: row.review_overdue,
        trustTier: row.trust_tier,
        recencyHalfLifeDays: row.recency_half_life_days
    };
}
/** The fields a PATCH body sets (null clears a setting; absent leaves it). */ function definedOnly(body) {
    return Object.fromEntries(Object.entries(body).filter(([, v])=>v !== undefined));
}

//# sourceMappingURL=knowledge-sources.service.js.map