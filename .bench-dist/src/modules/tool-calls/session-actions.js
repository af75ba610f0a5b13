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
import { ApprovalQueue } from '../approvals/index.js';
import { SessionsService } from '../sessions/index.js';
import { redactInput, ToolRegistry } from '../tools/index.js';
import { ToolCallsRepository } from './tool-calls.repository.js';
export class SessionActions {
    constructor(sessions, queue, toolCalls, registry){
        this.sessions = sessions;
        this.queue = queue;
        this.toolCalls = toolCalls;
        this.registry = registry;
    }
    async list(principal, sessionId) {
        const session = await this.sessions.getOwned(principal, sessionId);
        const [approvals, direct] = await Promise.all([
            this.queue.forSession(session.id),
            this.toolCalls.executedIn(session.id)
        ]);
        return [
            ...approvals.map(approvalView),
            ...direct.map((row)=>this.directView(row))
        ].sort((a, b)=>a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    }
    directView(row) {
        // A tool no longer registered has no redaction list: show none of its arguments.
        const redact = this.registry.get(row.tool)?.redact ?? [
            '*'
        ];
        const output = row.output;
        return {
            id: row.id,
            callId: row.tool_call_id,
            via: 'direct',
            tool: row.tool,
            status: row.rollback_status ?? 'executed',
            statusReason: row.rollback_reason,
            arguments: redactInput(row.arguments ?? {}, redact),
            result: output?.result ?? null,
            error: null,
            createdAt: new Date(row.created_at),
            decidedAt: null,
            executedAt: row.finished_at,
            rolledBackAt: row.rolled_back_at,
            toldInCall: row.output_sent_at !== null
        };
    }
}
SessionActions = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof ApprovalQueue === "undefined" ? Object : ApprovalQueue,
        typeof ToolCallsRepository === "undefined" ? Object : ToolCallsRepository,
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry
    ])
], SessionActions);
function approvalView(row) {
    return {
        id: row.id,
        callId: row.tool_call_id,
        via: 'approval',
        tool: row.tool,
        status: row.status,
        statusReason: row.status_reason,
        arguments: row.display_arguments,
        result: row.result ?? null,
        error: row.error,
        createdAt: new Date(row.created_at),
        decidedAt: row.decided_at,
        executedAt: row.executed_at,
        rolledBackAt: row.rolled_back_at,
        toldInCall: row.delivered_at !== null
    };
}

//# sourceMappingURL=session-actions.js.map