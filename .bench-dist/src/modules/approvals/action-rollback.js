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
import { ToolRegistry, ToolRunner } from '../tools/index.js';
import { ApprovalEvents } from './approval-events.js';
import { ActionNotFoundError, IrreversibleActionError, RollbackNotPossibleError } from './approvals.errors.js';
import { ExecutedActions } from './executed-actions.js';
export class ActionRollback {
    constructor(dataSource, executed, registry, audit, events, runner){
        this.dataSource = dataSource;
        this.executed = executed;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.runner = runner;
    }
    async rollback(principal, id, reason) {
        const table = this.executed.tableOf(id);
        const action = table && await table.find(id);
        if (!table || !action || !visibilityScope(principal).allows(action.requester.tenantId)) throw new ActionNotFoundError(id);
        const tool = this.registry.get(action.tool);
        if (!tool || tool.reversibility === 'irreversible' || !tool.handler.compensate) throw new IrreversibleActionError(action.tool);
        if (action.state !== 'executed') throw new RollbackNotPossibleError(id, action.state);
        const actor = actorOf(principal);
        if (tool.rollbackApproval) {
            const requestedBy = await table.requestRollback(id, actor, reason);
            if (requestedBy === actor) {
                await this.audit.append({
                    actor,
                    action: 'action.rollback_requested',
                    subject: id,
                    data: {
                        tool: tool.name,
                        reason
                    }
                });
                return {
                    id,
                    tool: tool.name,
                    status: 'rollback_requested'
                };
            }
            if (!requestedBy) throw new RollbackNotPossibleError(id, action.state);
        }
        if (!await table.claimRollback(id, reason, tool.rollbackApproval ? actor : null)) throw new RollbackNotPossibleError(id, (await table.find(id))?.state ?? 'unknown');
        return this.compensate(principal, table, action, tool, reason);
    }
    async compensate(principal, table, action, tool, reason) {
        let outcome;
        try {
            const input = await this.runner.storedInput(tool, action.arguments);
            const result = await this.runner.run(tool, input, {
                principal: action.requester,
                sessionId: action.sessionId,
                callId: null,
                toolCallId: action.toolCallId,
                idempotencyKey: `${action.id}:rollback`
            }, {
                kind: 'compensate',
                result: action.result
            });
            outcome = {
                id: action.id,
                tool: tool.name,
                status: 'rolled_back',
                result: result ?? null
            };
        } catch (thrown) {
            // The runner throws typed errors only; it has logged anything unexpected.
            const error = thrown;
            outcome = {
                id: action.id,
                tool: tool.name,
                status: 'rollback_failed',
                error: {
                    code: error.code,
                    message: error.message
                }
            };
        }
        await this.dataSource.transaction(async (tx)=>{
            await table.finishRollback(action.id, outcome.status === 'rolled_back', outcome.result ?? outcome.error, tx);
            await this.audit.append({
                actor: actorOf(principal),
                action: outcome.status === 'rolled_back' ? 'action.rolled_back' : 'action.rollback_failed',
                subject: action.id,
                data: {
                    tool: tool.name,
                    reason,
                    ...outcome.error ? {
                        code: outcome.error.code
                    } : {}
                }
            }, tx);
        });
        await this.events.publish({
            type: 'action.rolled_back',
            actionId: action.id,
            tool: tool.name,
            status: outcome.status,
            tenantId: action.requester.tenantId
        });
        return outcome;
    }
}
ActionRollback = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof ExecutedActions === "undefined" ? Object : ExecutedActions,
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof ApprovalEvents === "undefined" ? Object : ApprovalEvents,
        typeof ToolRunner === "undefined" ? Object : ToolRunner
    ])
], ActionRollback);

//# sourceMappingURL=action-rollback.js.map