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
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { AuditLog } from '../audit/index.js';
import { ActionDecisionsRepository } from './action-decisions.repository.js';
import { ActionDelivery } from './action-delivery.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalWorker } from './approval-worker.js';
import { ActionNotFoundError, ActionNotPendingError, DecisionConflictError, NotAnApproverError, SelfApprovalError, StaleDigestError } from './approvals.errors.js';
import { holdsApproverRole } from './approver-roles.js';
import { PendingActionsRepository } from './pending-actions.repository.js';
export class ApprovalDecisions {
    constructor(dataSource, actions, decisions, audit, events, worker, delivery){
        this.dataSource = dataSource;
        this.actions = actions;
        this.decisions = decisions;
        this.audit = audit;
        this.events = events;
        this.worker = worker;
        this.delivery = delivery;
    }
    async approve(principal, id, digest, comment) {
        const row = await this.decide(principal, id, 'approve', async (tx, action)=>{
            if (digest !== action.digest) throw new StaleDigestError();
            await this.record(tx, action, principal, 'approve', comment ?? null, digest);
            const approvals = await this.decisions.countApprovals(id, tx);
            const final = approvals >= action.approvals_required;
            if (final) await this.actions.approve(id, tx);
            await this.audit.append({
                actor: actorOf(principal),
                action: final ? 'approval.approved' : 'approval.approval_recorded',
                subject: id,
                data: {
                    tool: action.tool,
                    digest,
                    approvals,
                    required: action.approvals_required,
                    comment: comment ?? null
                }
            }, tx);
            return final;
        });
        return row;
    }
    async reject(principal, id, reason) {
        return this.decide(principal, id, 'reject', async (tx, action)=>{
            await this.record(tx, action, principal, 'reject', reason, null);
            await this.actions.reject(id, reason, tx);
            await this.audit.append({
                actor: actorOf(principal),
                action: 'approval.rejected',
                subject: id,
                data: {
                    tool: action.tool,
                    reason
                }
            }, tx);
            return true;
        });
    }
    /**
   * Locks the row, applies the shared rules, runs `apply`, then (after commit) tells the stream,
   * the worker and the live session. Returns the action as it now is.
   */ async decide(principal, id, decision, apply) {
        const outcome = await this.dataSource.transaction(async (tx)=>{
            const action = await this.actions.findForUpdate(id, tx);
            if (!action || !visibilityScope(principal).allows(action.tenant_id)) throw new ActionNotFoundError(id);
            assertMayDecide(principal, action);
            const previous = await this.decisions.decisionOf(id, actorOf(principal), tx);
            if (previous) {
                if (previous !== decision) throw new DecisionConflictError(previous);
                return {
                    current: action,
                    changed: false
                }; // the same decision again: nothing to do
            }
            if (action.status !== 'pending') throw new ActionNotPendingError(id, action.status);
            // Past its window it is the sweeper's (expire or escalate), even if it has not run yet.
            if (new Date(action.expires_at).getTime() <= Date.now()) throw new ActionNotPendingError(id, 'expired');
            // A revoked session's requests are void, even before the sweeper gets to them.
            const changed = await this.cancelIfRevoked(tx, action) ? 'cancelled' : await apply(tx, action);
            // Read inside the transaction: the state this decision produced, not a later one.
            const current = await this.actions.find(id, tx);
            return {
                current,
                changed
            };
        });
        const { current } = outcome;
        if (outcome.changed === 'cancelled') throw new ActionNotPendingError(id, 'cancelled');
        if (outcome.changed) {
            await this.events.publish({
                type: 'approval.decided',
                actionId: id,
                tool: current.tool,
                status: current.status,
                tenantId: current.tenant_id
            });
            if (current.status === 'approved') this.worker.kick();
            if (current.status === 'rejected') await this.delivery.deliver(id);
        }
        return current;
    }
    async cancelIfRevoked(tx, action) {
        if (!await this.actions.cancelIfSessionRevoked(action.id, tx)) return false;
        await this.audit.append({
            actor: 'system',
            action: 'approval.cancelled',
            subject: action.id,
            data: {
                tool: action.tool,
                status: 'cancelled'
            }
        }, tx);
        return true;
    }
    async record(tx, action, principal, decision, comment, digest) {
        await this.decisions.insert({
            actionId: action.id,
            approver: actorOf(principal),
            decision,
            comment,
            digest
        }, tx);
    }
}
ApprovalDecisions = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof PendingActionsRepository === "undefined" ? Object : PendingActionsRepository,
        typeof ActionDecisionsRepository === "undefined" ? Object : ActionDecisionsRepository,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof ApprovalEvents === "undefined" ? Object : ApprovalEvents,
        typeof ApprovalWorker === "undefined" ? Object : ApprovalWorker,
        typeof ActionDelivery === "undefined" ? Object : ActionDelivery
    ])
], ApprovalDecisions);
function assertMayDecide(principal, action) {
    if (actorOf(principal) === action.requester) throw new SelfApprovalError();
    if (!holdsApproverRole(principal, action.approver_roles)) throw new NotAnApproverError(action.approver_roles);
}

//# sourceMappingURL=approval-decisions.js.map