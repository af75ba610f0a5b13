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
export class SidebandLeasesRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    /** Takes the call's lease for `owner` if it is free, expired, or already its own. */ async acquire(callId, sessionId, owner, seconds) {
        const rows = await this.dataSource.query(`INSERT INTO sideband_leases (call_id, session_id, owner, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (call_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE sideband_leases.expires_at < now() OR sideband_leases.owner = excluded.owner
       RETURNING call_id`, [
            callId,
            sessionId,
            owner,
            seconds
        ]);
        return rows.length > 0;
    }
    /** Extends every lease `owner` still holds; returns their calls. */ async renew(owner, seconds) {
        const [rows] = await this.dataSource.query(`UPDATE sideband_leases SET expires_at = now() + make_interval(secs => $2)
       WHERE owner = $1 RETURNING call_id`, [
            owner,
            seconds
        ]);
        return rows.map((row)=>row.call_id);
    }
    /** Lets every lease of `owner` lapse now (a graceful shutdown hands them over). */ async handBack(owner) {
        await this.dataSource.query(`UPDATE sideband_leases SET expires_at = now() WHERE owner = $1`, [
            owner
        ]);
    }
    /** Expired leases of calls whose session is still active: someone must take them over. */ async orphans() {
        const rows = await this.dataSource.query(`SELECT l.call_id, l.session_id FROM sideband_leases l
       JOIN sessions s ON s.id = l.session_id
       WHERE l.expires_at < now() AND s.state = 'active'`);
        return rows.map((row)=>({
                callId: row.call_id,
                sessionId: row.session_id
            }));
    }
    async releaseCall(callId) {
        await this.dataSource.query(`DELETE FROM sideband_leases WHERE call_id = $1`, [
            callId
        ]);
    }
    /** Inside the transaction that ends the session. */ async releaseSession(sessionId, tx) {
        await tx.query(`DELETE FROM sideband_leases WHERE session_id = $1`, [
            sessionId
        ]);
    }
}
SidebandLeasesRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], SidebandLeasesRepository);

//# sourceMappingURL=sideband-leases.repository.js.map