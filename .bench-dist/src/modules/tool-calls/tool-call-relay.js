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
import { SessionsService } from '../sessions/index.js';
import { ToolCallPipeline } from './tool-call.pipeline.js';
export class ToolCallRelay {
    constructor(sessions, pipeline){
        this.sessions = sessions;
        this.pipeline = pipeline;
    }
    async relay(principal, sessionId, call) {
        const session = await this.sessions.getOwned(principal, sessionId);
        const result = await this.pipeline.run({
            session,
            principal,
            toolCallId: call.callId,
            name: call.name,
            arguments: call.arguments,
            source: 'relay'
        });
        if (result.error) throw result.error;
        return {
            callId: call.callId,
            actionId: result.actionId,
            status: result.status,
            output: result.output,
            replayed: result.replayed
        };
    }
}
ToolCallRelay = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof ToolCallPipeline === "undefined" ? Object : ToolCallPipeline
    ])
], ToolCallRelay);

//# sourceMappingURL=tool-call-relay.js.map