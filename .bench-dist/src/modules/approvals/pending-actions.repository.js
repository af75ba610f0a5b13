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
export class PendingActionsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async insert(action, tx) {
        await tx.query(`INSERT INTO pending_actions (id, tool, session_id, tool_call_id, requester, requester_roles,
         tenant_id, arguments, display_arguments, digest, policy, approver_roles, approvals_required,
         on_timeout, escalate_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
               now() + make_interval(secs => $16))`, [
            action.id,
            action.tool,
            action.sessionId,
            action.toolCallId,
            action.requester,
            action.requesterRoles,
            action.tenantId,
            JSON.stringify(action.arguments),
            JSON.stringify(action.displayArguments),
            action.digest,
            action.policy,
            action.approverRoles,
            action.approvalsRequired,
            action.onTimeout,
            action.escalateTo,
            action.expiresInSeconds
        ]);
    }
    /** Outside a transaction, or inside `tx` to read the state it produced. */ async find(id, tx) {
        const [row] = await (tx ?? this.dataSource).query(`SELECT * FROM pending_actions WHERE id = $1`, [
            id
        ]);
        return row;
    }
    /** Locks the row until `tx` ends: decisions on one action are taken one at a time. */ async findForUpdate(id, tx) {
        const [row] = await tx.query(`SELECT * FROM pending_actions WHERE id = $1 FOR UPDATE`, [
            id
        ]);
        return row;
    }
    /** Actions matching `where`, oldest first, at most `limit`. */ async list(where, limit) {
        const limitParam = where.next(limit);
        return await this.dataSource.query(`SELECT * FROM pending_actions ${where.toSql()} ORDER BY created_at, id LIMIT ${limitParam}`, where.params);
    }
    static{
        /** The cursor condition of `list`: actions after the one with id `?`. */ this.AFTER = '(created_at, id) > (SELECT created_at, id FROM pending_actions WHERE id = ?)';
    }
    /** Every action a session asked for, oldest first. */ async forSession(sessionId) {
        return await this.dataSource.query(`SELECT * FROM pending_actions WHERE session_id = $1 ORDER BY created_at, id`, [
            sessionId
        ]);
    }
    /** Under the row lock of `tx`: enough approvers agreed. */ async approve(id, tx) {
        await tx.query(`UPDATE pending_actions SET status = 'approved', decided_at = now() WHERE id = $1`, [
            id
        ]);
    }
    /** Under the row lock of `tx`. */ async reject(id, reason, tx) {
        await tx.query(`UPDATE pending_actions SET status = 'rejected', status_reason = $2, decided_at = now() WHERE id = $1`, [
            id,
            reason
        ]);
    }
    /** Cancels the action if its session was revoked; true if it did. */ async cancelIfSessionRevoked(id, tx) {
        const [[cancelled]] = await tx.query(`UPDATE pending_actions p SET status = 'cancelled', decided_at = now(),
         status_reason = 'session revoked'
       FROM sessions s WHERE p.id = $1 AND s.id = p.session_id AND s.state = 'revoked'
       RETURNING p.id`, [
            id
        ]);
        return Boolean(cancelled);
    }
    /** Overdue actions that may escalate get their one escalation, with a fresh window. */ async escalateOverdue(tx) {
        return this.sweep(tx, `UPDATE pending_actions SET escalated = true, approver_roles = escalate_to,
         expires_at = now() + (expires_at - created_at)
       WHERE status = 'pending' AND expires_at < now() AND on_timeout = 'escalate'
         AND NOT escalated AND cardinality(escalate_to) > 0
       RETURNING id, tool, status, tenant_id`);
    }
    /**
   * Overdue actions with nowhere (left) to escalate expire. One still owed its escalation is left
   * for `escalateOverdue`: each sweep step has its own transaction and so its own `now()`, and one
   * that fell due between the two steps must be escalated, not expired.
   */ async expireOverdue(tx) {
        return this.sweep(tx, `UPDATE pending_actions SET status = 'expired', decided_at = now(),
         status_reason = 'no decision before it expired'
       WHERE status = 'pending' AND expires_at < now()
         AND (on_timeout <> 'escalate' OR escalated OR cardinality(escalate_to) = 0)
       RETURNING id, tool, status, tenant_id`);
    }
    /** A revoked session's pending requests are void. */ async cancelForRevokedSessions(tx) {
        return this.sweep(tx, `UPDATE pending_actions p SET status = 'cancelled', decided_at = now(),
         status_reason = 'session revoked'
       FROM sessions s
       WHERE p.session_id = s.id AND p.status = 'pending' AND s.state = 'revoked'
       RETURNING p.id, p.tool, p.status, p.tenant_id`);
    }
    /**
   * Executions whose worker's lease lapsed: actions of `idempotentTools` are put back to run again
   * with the same key; the others fail, never rerun.
   */ async recoverLapsedExecutions(idempotentTools, tx) {
        return this.sweep(tx, `UPDATE pending_actions SET
         status = CASE WHEN tool = ANY($1::text[]) THEN 'approved' ELSE 'failed' END,
         status_reason = CASE WHEN tool = ANY($1::text[])
           THEN 'resumed after an interrupted execution'
           ELSE 'interrupted during execution; not retried because the tool is not idempotent' END,
         error = CASE WHEN tool = ANY($1::text[]) THEN NULL
           ELSE '{"code":"EXECUTION_INTERRUPTED","message":"The execution was interrupted."}'::jsonb END,
         claimed_by = NULL, lease_expires_at = NULL
       WHERE status = 'executing' AND lease_expires_at < now()
       RETURNING id, tool, status, tenant_id`, [
            idempotentTools
        ]);
    }
    /** The oldest approved action no other replica holds, locked until `tx` ends. */ async lockNextApproved(tx) {
        const [row] = await tx.query(`SELECT * FROM pending_actions WHERE status = 'approved'
       ORDER BY decided_at, id FOR UPDATE SKIP LOCKED LIMIT 1`);
        return row;
    }
    /** Under the lock of `lockNextApproved`: `workerId` executes it, for `leaseSeconds`. */ async claim(id, workerId, leaseSeconds, tx) {
        const [[claimed]] = await tx.query(`UPDATE pending_actions SET status = 'executing', claimed_by = $2, attempts = attempts + 1,
         lease_expires_at = now() + make_interval(secs => $3)
       WHERE id = $1 RETURNING *`, [
            id,
            workerId,
            leaseSeconds
        ]);
        return claimed;
    }
    /** Records the outcome only while `workerId` still holds the claim; true if it did. */ async recordOutcome(id, workerId, outcome, tx) {
        const failed = outcome.status === 'failed';
        const [rows] = await tx.query(`UPDATE pending_actions SET status = $3, result = $4, error = $5, executed_at = now(),
         lease_expires_at = NULL
       WHERE id = $1 AND status = 'executing' AND claimed_by = $2 RETURNING id`, [
            id,
            workerId,
            outcome.status,
            failed ? null : JSON.stringify(outcome.result),
            failed ? JSON.stringify({
                code: outcome.error.code,
                message: outcome.error.message
            }) : null
        ]);
        return rows.length > 0;
    }
    /** True for exactly one caller: the outcome is said once. */ async claimDelivery(id) {
        const [claimed] = await this.dataSource.query(`UPDATE pending_actions SET delivered_at = now() WHERE id = $1 AND delivered_at IS NULL RETURNING id`, [
            id
        ]);
        return claimed.length > 0;
    }
    /** Records the first rollback request of an executed action; returns who asked first. */ async requestRollback(id, actor, reason) {
        await this.dataSource.query(`UPDATE pending_actions SET rollback_requested_by = $2, rollback_reason = $3
       WHERE id = $1 AND status = 'executed' AND rollback_requested_by IS NULL`, [
            id,
            actor,
            reason
        ]);
        const [row] = await this.dataSource.query(`SELECT rollback_requested_by FROM pending_actions WHERE id = $1`, [
            id
        ]);
        return row?.rollback_requested_by ?? null;
    }
    /** True for exactly one caller; a `confirmer` must differ from whoever requested. */ async startRollback(id, reason, confirmer) {
        const [rows] = await this.dataSource.query(`UPDATE pending_actions SET status = 'rolling_back', rollback_reason = coalesce(rollback_reason, $2)
       WHERE id = $1 AND status = 'executed'
         AND ($3::text IS NULL OR (rollback_requested_by IS NOT NULL AND rollback_requested_by <> $3))
       RETURNING id`, [
            id,
            reason,
            confirmer
        ]);
        return rows.length === 1;
    }
    async finishRollback(id, ok, payload, tx) {
        await tx.query(`UPDATE pending_actions SET status = $2, rollback_result = $3, rolled_back_at = now() WHERE id = $1`, [
            id,
            ok ? 'rolled_back' : 'rollback_failed',
            JSON.stringify(payload ?? null)
        ]);
    }
    async sweep(tx, sql, params = []) {
        const [rows] = await tx.query(sql, params);
        return rows;
    }
}
PendingActionsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], PendingActionsRepository);

//# sourceMappingURL=pending-actions.repository.js.map