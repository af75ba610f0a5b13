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
export class AuditLogRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    /** Inside `tx`, so the entry commits (or rolls back) with the change it records. */ async append(entry, tx) {
        const [row] = await tx.query(`SELECT * FROM audit_append($1, $2, $3, $4, $5, $6)`, [
            entry.at,
            entry.actor,
            entry.action,
            entry.subject,
            JSON.stringify(entry.data),
            entry.canonicalData
        ]);
        return {
            seq: Number(row.seq),
            prevHash: row.prev_hash,
            hash: row.hash
        };
    }
    /** Entries matching `where`, in chain order, at most `limit`. */ async list(where, limit) {
        const limitParam = where.next(limit);
        return this.entries(`SELECT * FROM audit_log ${where.toSql()} ORDER BY seq LIMIT ${limitParam}`, where.params);
    }
    /** Up to `limit` entries from `seq` on, in chain order. */ async readFrom(seq, limit) {
        return this.entries(`SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`, [
            seq,
            limit
        ]);
    }
    /** The entries from `first` to `last` (both included), in chain order. */ async range(first, last) {
        return this.entries(`SELECT * FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq`, [
            first,
            last
        ]);
    }
    /** The first and last seq of the entries in `[from, to)`; null when there are none. */ async bounds(from, to) {
        const [bounds] = await this.dataSource.query(`SELECT min(seq) AS first, max(seq) AS last FROM audit_log
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)`, [
            from ?? null,
            to ?? null
        ]);
        return {
            first: bounds.first === null ? null : Number(bounds.first),
            last: bounds.last === null ? null : Number(bounds.last)
        };
    }
    /** The hash of entry `seq`; undefined if there is no such entry. */ async hashAt(seq) {
        const [row] = await this.dataSource.query(`SELECT hash FROM audit_log WHERE seq = $1`, [
            seq
        ]);
        return row?.hash;
    }
    /** The seq the next appended entry will get. */ async nextSeq() {
        const [row] = await this.dataSource.query(`SELECT coalesce(max(seq), 0) + 1 AS next FROM audit_log`);
        return Number(row.next);
    }
    async entries(sql, params) {
        const rows = await this.dataSource.query(sql, params);
        return rows.map(toEntry);
    }
}
AuditLogRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], AuditLogRepository);
function toEntry(row) {
    return {
        seq: Number(row.seq),
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        data: row.data,
        prevHash: row.prev_hash,
        hash: row.hash
    };
}

//# sourceMappingURL=audit-log.repository.js.map