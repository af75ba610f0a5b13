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
import { Injectable } from '@nestjs/common';
import { isServable, staleness } from '../../knowledge/index.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { KnowledgeAccess } from './knowledge-access.policy.js';
import { KnowledgeClock } from './knowledge-clock.js';
/** The most current versions one stale report looks at. */ const SCAN_LIMIT = 5000;
export class KnowledgeStale {
    constructor(versions, clock){
        this.versions = versions;
        this.clock = clock;
    }
    async report(principal, withinDays) {
        const now = this.clock.now();
        const rows = await this.versions.currentWithFacts(KnowledgeAccess.of(principal).managedSources('s.tenant_id'), SCAN_LIMIT);
        const items = rows.map((row)=>({
                row,
                facts: factsOf(row)
            })).map(({ row, facts })=>({
                row,
                facts,
                report: staleness(facts, now, withinDays)
            })).filter(({ report })=>report.reasons.length > 0).sort((a, b)=>a.report.dueAt.getTime() - b.report.dueAt.getTime()).map(({ row, facts, report })=>({
                documentId: row.document_id,
                version: row.version,
                title: row.title,
                sourceId: row.source_id,
                sourceName: row.source_name,
                reasons: report.reasons,
                dueAt: report.dueAt,
                servedToCallers: isServable(facts, now)
            }));
        return {
            asOf: now,
            withinDays,
            items
        };
    }
}
KnowledgeStale = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DocumentVersionsRepository === "undefined" ? Object : DocumentVersionsRepository,
        typeof KnowledgeClock === "undefined" ? Object : KnowledgeClock
    ])
], KnowledgeStale);
function factsOf(row) {
    return {
        retractedAt: row.retracted_at,
        version: row.version,
        currentVersion: row.current_version,
        createdAt: row.created_at,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        reviewBy: row.review_by,
        reviewedAt: row.reviewed_at,
        maxAgeDays: row.max_age_days,
        reviewEveryDays: row.review_every_days,
        reviewOverdue: row.review_overdue
    };
}

//# sourceMappingURL=knowledge-stale.service.js.map