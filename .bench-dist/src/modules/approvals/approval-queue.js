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
import { newId } from '../../common/ids.js';
import { WhereClause } from '../../database/where-clause.js';
import { AuditLog } from '../audit/index.js';
import { ApprovalGate } from './approval-gate.js';
import { argumentsDigest, redactInput } from '../tools/index.js';
import { ApprovalEvents } from './approval-events.js';
import { ActionDecisionsRepository } from './action-decisions.repository.js';
import { ActionNotFoundError } from './approvals.errors.js';
import { PendingActionsRepository } from './pending-actions.repository.js';
/** What the model may say while a person decides. */ const INTERIM_MESSAGE = 'This needs a person to approve it. I have sent it for approval; you will hear the outcome.';
export class ApprovalQueue extends ApprovalGate {
    constructor(dataSource, actions, decisions, audit, events){
        super(), this.dataSource = dataSource, this.actions = actions, this.decisions = decisions, this.audit = audit, this.events = events;
    }
    async submit({ tool, arguments: args, principal, session, toolCallId }) {
        const rule = tool.approval;
        const id = newId('act');
        const display = redactInput(args, tool.redact);
        const policy = `${tool.name}: ${typeof rule.when === 'function' ? 'approval predicate matched' : 'always needs approval'}`;
        await this.dataSource.transaction(async (tx)=>{
            await this.actions.insert({
                id,
                tool: tool.name,
                sessionId: session.id,
                toolCallId,
                requester: actorOf(principal),
                requesterRoles: principal.roles,
                tenantId: principal.tenantId,
                arguments: args,
                displayArguments: display,
                digest: argumentsDigest(tool.name, args),
                policy,
                approverRoles: rule.approverRoles,
                approvalsRequired: rule.approvers,
                onTimeout: rule.onTimeout,
                escalateTo: rule.escalateTo,
                expiresInSeconds: rule.expiresInSeconds
            }, tx);
            await this.audit.append({
                actor: actorOf(principal),
                action: 'approval.requested',
                subject: id,
                data: {
                    tool: tool.name,
                    sessionId: session.id,
                    toolCallId,
                    arguments: display,
                    policy
                }
            }, tx);
        });
        await this.events.publish({
            type: 'approval.created',
            actionId: id,
            tool: tool.name,
            status: 'pending',
            tenantId: principal.tenantId
        });
        return {
            actionId: id,
            message: INTERIM_MESSAGE
        };
    }
    /** Oldest first, so the queue is worked in order. */ async list(viewer, query) {
        const where = new WhereClause();
        const visible = visibilityScope(viewer).condition('tenant_id');
        if (visible) where.add(...visible);
        where.add('status = ?', query.status).add('tool = ?', query.tool).add('tenant_id = ?', query.tenantId).add(PendingActionsRepository.AFTER, query.after);
        const rows = await this.actions.list(where, query.limit + 1);
        const page = rows.slice(0, query.limit);
        const decisions = await this.decisions.forActions(page.map((row)=>row.id));
        const items = page.map((row)=>({
                row,
                decisions: decisions.filter((d)=>d.action_id === row.id)
            }));
        return {
            items,
            nextCursor: rows.length > query.limit ? page.at(-1).id : null
        };
    }
    async get(id, viewer) {
        const row = await this.actions.find(id);
        if (!row || viewer && !visibilityScope(viewer).allows(row.tenant_id)) throw new ActionNotFoundError(id);
        const decisions = await this.decisions.forAction(id);
        return {
            row,
            decisions
        };
    }
    /** Every action a session asked for, for the app to show after the call. */ async forSession(sessionId) {
        return this.actions.forSession(sessionId);
    }
}
ApprovalQueue = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof PendingActionsRepository === "undefined" ? Object : PendingActionsRepository,
        typeof ActionDecisionsRepository === "undefined" ? Object : ActionDecisionsRepository,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof ApprovalEvents === "undefined" ? Object : ApprovalEvents
    ])
], ApprovalQueue);

//# sourceMappingURL=approval-queue.js.map