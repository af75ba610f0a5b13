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
import canonicalize from 'canonicalize';
import { DataSource } from 'typeorm';
import { WhereClause } from '../../database/where-clause.js';
import { entryHash, GENESIS_HASH } from './audit-hash.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { redactSecrets } from './audit-redaction.js';
const VERIFY_BATCH = 1000;
export class AuditLog {
    constructor(dataSource, entries){
        this.dataSource = dataSource;
        this.entries = entries;
    }
    /**
   * Appends one entry. Pass the caller's transaction manager so the entry commits (or rolls back)
   * with the change it records.
   */ async append(record, manager) {
        return this.appendWith(manager ?? this.dataSource.manager, record);
    }
    async list(query) {
        const where = new WhereClause().add('actor = ?', query.actor).add('action = ?', query.action).add('subject = ?', query.subject).add('at >= ?', query.from).add('at < ?', query.to).add('seq > ?', query.after);
        const rows = await this.entries.list(where, query.limit + 1);
        const items = rows.slice(0, query.limit);
        return {
            items,
            nextCursor: rows.length > query.limit ? String(items.at(-1).seq) : null
        };
    }
    /** Recomputes the whole chain; reports the first entry that does not check out. */ async verify() {
        let expectedSeq = 1;
        let prevHash = GENESIS_HASH;
        for(;;){
            const rows = await this.entries.readFrom(expectedSeq, VERIFY_BATCH);
            for (const entry of rows){
                const problem = entry.seq !== expectedSeq ? `entry ${expectedSeq} is missing` : entry.prevHash !== prevHash ? 'prevHash does not match the previous entry' : entryHash(prevHash, entry) !== entry.hash ? 'hash does not match the entry content' : undefined;
                if (problem) return {
                    ok: false,
                    entries: expectedSeq - 1,
                    brokenAt: expectedSeq,
                    problem
                };
                prevHash = entry.hash;
                expectedSeq += 1;
            }
            if (rows.length < VERIFY_BATCH) return {
                ok: true,
                entries: expectedSeq - 1,
                lastHash: prevHash
            };
        }
    }
    /** One statement: the database function takes the chain lock, hashes and inserts. */ async appendWith(manager, record) {
        const data = redactSecrets(record.data ?? {});
        const at = new Date().toISOString();
        const link = await this.entries.append({
            at,
            actor: record.actor,
            action: record.action,
            subject: record.subject,
            data,
            canonicalData: canonicalize(data) ?? '{}'
        }, manager);
        return {
            seq: link.seq,
            at,
            actor: record.actor,
            action: record.action,
            subject: record.subject,
            data,
            prevHash: link.prevHash,
            hash: link.hash
        };
    }
}
AuditLog = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof AuditLogRepository === "undefined" ? Object : AuditLogRepository
    ])
], AuditLog);

//# sourceMappingURL=audit-log.service.js.map