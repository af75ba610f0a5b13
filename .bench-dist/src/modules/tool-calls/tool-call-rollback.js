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
import { ActionRollback, ActionNotFoundError } from '../approvals/index.js';
import { SessionsService } from '../sessions/index.js';
import { actionIdOf, ToolCallsRepository } from './tool-calls.repository.js';
export class ToolCallRollback {
    constructor(sessions, toolCalls, rollbacks){
        this.sessions = sessions;
        this.toolCalls = toolCalls;
        this.rollbacks = rollbacks;
    }
    async rollback(principal, sessionId, callId, reason) {
        // A session outside the caller's scope is "not found", like one that does not exist.
        await this.sessions.getVisible(principal, sessionId);
        const row = await this.toolCalls.find(sessionId, callId);
        if (!row) throw ActionNotFoundError.forToolCall(sessionId, callId);
        return this.rollbacks.rollback(principal, actionIdOf(row), reason);
    }
}
ToolCallRollback = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof ToolCallsRepository === "undefined" ? Object : ToolCallsRepository,
        typeof ActionRollback === "undefined" ? Object : ActionRollback
    ])
], ToolCallRollback);

//# sourceMappingURL=tool-call-rollback.js.map