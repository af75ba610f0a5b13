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
import { storedPrincipal } from '../../common/auth/principal.js';
import { ExecutedActions } from '../approvals/index.js';
import { SessionsService } from '../sessions/index.js';
import { ToolCallsRepository } from './tool-calls.repository.js';
export class DirectCallRollbacks {
    constructor(executed, toolCalls, sessions){
        this.executed = executed;
        this.toolCalls = toolCalls;
        this.sessions = sessions;
    }
    onModuleInit() {
        this.executed.register('tc_', this);
    }
    async find(id) {
        const row = await this.toolCalls.findById(id);
        if (!row) return undefined;
        // The requester's roles are the session's (a call has no roles of its own).
        const session = await this.sessions.find(row.session_id);
        return {
            id: row.id,
            tool: row.tool,
            arguments: row.arguments ?? {},
            result: row.output?.result ?? null,
            requester: storedPrincipal({
                actor: `user:${row.user_id}`,
                tenantId: row.tenant_id,
                roles: session?.roles ?? []
            }),
            sessionId: row.session_id,
            toolCallId: row.tool_call_id,
            state: row.status === 'succeeded' ? row.rollback_status ?? 'executed' : row.status
        };
    }
    requestRollback(id, actor, reason) {
        return this.toolCalls.requestRollback(id, actor, reason);
    }
    claimRollback(id, reason, confirmer) {
        return this.toolCalls.startRollback(id, reason, confirmer);
    }
    finishRollback(...args) {
        return this.toolCalls.finishRollback(...args);
    }
}
DirectCallRollbacks = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ExecutedActions === "undefined" ? Object : ExecutedActions,
        typeof ToolCallsRepository === "undefined" ? Object : ToolCallsRepository,
        typeof SessionsService === "undefined" ? Object : SessionsService
    ])
], DirectCallRollbacks);

//# sourceMappingURL=direct-call-rollbacks.js.map