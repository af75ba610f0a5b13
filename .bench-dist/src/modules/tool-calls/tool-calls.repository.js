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
import { newId } from '../../common/ids.js';
/**
 * The id a rollback names a recorded call by: the approval's `act_…` once it was sent for
 * approval (its stored interim output holds it), else the call's own `tc_…`.
 */ export function actionIdOf(row) {
    const output = row.output;
    return row.status === 'pending_approval' && typeof output?.actionId === 'string' ? output.actionId : row.id;
}
/** A window was full at claim time (the early check raced with concurrent calls). */ export class RateWindowFull extends Error {
    constructor(window){
        super(`rate window ${window.scope} full`), this.window = window;
    }
}
const POLL_MS = 20;
export class ToolCallsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async countRecent(scope, key, tool, windowSeconds, db = this.dataSource) {
        const column = scope === 'session' ? 'session_id' : 'user_id';
        const [row] = await db.query(`SELECT count(*)::int AS n FROM tool_calls
       WHERE ${column} = $1 AND tool = $2 AND created_at > now() - make_interval(secs => $3)`, [
            key,
            tool,
            windowSeconds
        ]);
        return row.n;
    }
    /** Inserts the call as running; if the id is taken, returns the existing row instead. */ async claim(claim) {
        if (claim.limits?.length) return this.claimWithinLimits(claim, claim.limits);
        return this.insertOrFind(this.dataSource.manager, claim);
    }
    /**
   * Rate-limited tools: count and insert under one per-user advisory lock, so concurrent calls
   * cannot all see a free slot. A retry of a recorded call is answered before counting.
   */ claimWithinLimits(claim, limits) {
        return this.dataSource.transaction(async (tx)=>{
            await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
                `tool_calls:${claim.userId}`
            ]);
            const existing = await this.find(claim.sessionId, claim.toolCallId, tx);
            if (existing) return {
                claimed: false,
                existing
            };
            for (const window of limits){
                const key = window.scope === 'session' ? claim.sessionId : claim.userId;
                const used = await this.countRecent(window.scope, key, claim.tool, window.windowSeconds, tx);
                if (used >= window.limit) throw new RateWindowFull(window);
            }
            return this.insertOrFind(tx, claim);
        });
    }
    async insertOrFind(db, claim) {
        const id = newId('tc');
        const inserted = await db.query(`INSERT INTO tool_calls (id, session_id, tool_call_id, tool, user_id, tenant_id, arguments_digest, arguments, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'running')
       ON CONFLICT (session_id, tool_call_id) DO NOTHING RETURNING id`, [
            id,
            claim.sessionId,
            claim.toolCallId,
            claim.tool,
            claim.userId,
            claim.tenantId,
            claim.digest,
            JSON.stringify(claim.arguments)
        ]);
        if (inserted.length === 1) return {
            claimed: true,
            id
        };
        const existing = await this.find(claim.sessionId, claim.toolCallId, db);
        if (!existing) throw new Error(`tool call ${claim.toolCallId} vanished after a conflict`);
        return {
            claimed: false,
            existing
        };
    }
    async finish(id, status, output, durationMs, errorStatus = null) {
        await this.dataSource.query(`UPDATE tool_calls SET status = $2, output = $3, duration_ms = $4, error_status = $5,
         finished_at = now()
       WHERE id = $1 AND status = 'running'`, [
            id,
            status,
            JSON.stringify(output),
            durationMs,
            errorStatus
        ]);
    }
    async find(sessionId, toolCallId, db = this.dataSource) {
        const [row] = await db.query(`SELECT id, session_id, tool_call_id, tool, arguments_digest, status, output, error_status, duration_ms
       FROM tool_calls WHERE session_id = $1 AND tool_call_id = $2`, [
            sessionId,
            toolCallId
        ]);
        return row;
    }
    /** The calls of a session that ran directly and succeeded, oldest first: what can be rolled back. */ async executedIn(sessionId) {
        return await this.dataSource.query(`SELECT id, tool_call_id, tool, arguments, output, rollback_status, rollback_reason, created_at,
              finished_at, output_sent_at, rolled_back_at
       FROM tool_calls WHERE session_id = $1 AND status = 'succeeded' ORDER BY created_at, id`, [
            sessionId
        ]);
    }
    /** Waits until another caller (maybe another replica) finishes the same call. */ async waitForFinish(row, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        let current = row;
        while(current?.status === 'running' && Date.now() < deadline){
            await new Promise((resolve)=>setTimeout(resolve, POLL_MS));
            current = await this.find(row.session_id, row.tool_call_id);
        }
        return current?.status === 'running' ? undefined : current;
    }
    /** True exactly once per call: whoever gets it sends the output to the model. */ async markOutputSent(sessionId, toolCallId) {
        const [rows] = await this.dataSource.query(`UPDATE tool_calls SET output_sent_at = now()
       WHERE session_id = $1 AND tool_call_id = $2 AND output_sent_at IS NULL AND status <> 'running'
       RETURNING id`, [
            sessionId,
            toolCallId
        ]);
        return rows.length === 1;
    }
    async findById(id) {
        const [row] = await this.dataSource.query(`SELECT id, tool, arguments, output, user_id, tenant_id, session_id, tool_call_id, status,
              rollback_status
       FROM tool_calls WHERE id = $1`, [
            id
        ]);
        return row;
    }
    /** Records the first rollback request of a succeeded call; returns who asked first. */ async requestRollback(id, actor, reason) {
        await this.dataSource.query(`UPDATE tool_calls SET rollback_requested_by = $2, rollback_reason = $3
       WHERE id = $1 AND status = 'succeeded' AND rollback_status IS NULL AND rollback_requested_by IS NULL`, [
            id,
            actor,
            reason
        ]);
        const [row] = await this.dataSource.query(`SELECT rollback_requested_by FROM tool_calls WHERE id = $1`, [
            id
        ]);
        return row?.rollback_requested_by ?? null;
    }
    /** True for exactly one caller; a confirmer must differ from whoever requested. */ async startRollback(id, reason, confirmer) {
        const [rows] = await this.dataSource.query(`UPDATE tool_calls SET rollback_status = 'rolling_back', rollback_reason = coalesce(rollback_reason, $2)
       WHERE id = $1 AND status = 'succeeded' AND rollback_status IS NULL
         AND ($3::text IS NULL OR (rollback_requested_by IS NOT NULL AND rollback_requested_by <> $3))
       RETURNING id`, [
            id,
            reason,
            confirmer
        ]);
        return rows.length === 1;
    }
    async finishRollback(id, ok, payload, tx) {
        await tx.query(`UPDATE tool_calls SET rollback_status = $2, rollback_result = $3, rolled_back_at = now() WHERE id = $1`, [
            id,
            ok ? 'rolled_back' : 'rollback_failed',
            JSON.stringify(payload ?? null)
        ]);
    }
}
ToolCallsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], ToolCallsRepository);

//# sourceMappingURL=tool-calls.repository.js.map