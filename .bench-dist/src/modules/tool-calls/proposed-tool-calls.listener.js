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
import { Injectable, Logger } from '@nestjs/common';
import { LatencyMeter } from '../live-calls/index.js';
import { SessionsService } from '../sessions/index.js';
import { ToolFailedError } from '../tools/index.js';
import { VoiceConversation, VoiceEvents } from '../voice/index.js';
import { sessionPrincipal } from './session-principal.js';
import { ToolCallPipeline } from './tool-call.pipeline.js';
import { ToolCallsRepository } from './tool-calls.repository.js';
import { errorOutput } from './tool-output.js';
export class ProposedToolCallsListener {
    constructor(events, sessions, pipeline, toolCalls, conversation, latency){
        this.events = events;
        this.sessions = sessions;
        this.pipeline = pipeline;
        this.toolCalls = toolCalls;
        this.conversation = conversation;
        this.latency = latency;
        this.logger = new Logger(ProposedToolCallsListener.name);
    }
    onModuleInit() {
        this.unsubscribe = this.events.on('call.tool_calls', ({ callId, calls })=>this.answer(callId, calls));
    }
    onApplicationShutdown() {
        this.unsubscribe?.();
    }
    async answer(callId, calls) {
        const started = performance.now();
        const session = await this.sessions.findByCall(callId);
        if (!session) return;
        const results = await Promise.all(calls.map((call)=>this.runOne(session, call)));
        let sent = 0;
        for (const [index, result] of results.entries()){
            const { toolCallId } = calls[index];
            // Claimed and sent one at a time: a claimed output is on its way before the next claim.
            if (await this.claimDelivery(session, toolCallId, result)) sent += this.conversation.sendToolOutput(callId, {
                toolCallId,
                output: result.output
            }) ? 1 : 0;
        }
        if (sent > 0) this.conversation.answerToolOutputs(callId);
        this.latency.addOwnTime(callId, performance.now() - started);
    }
    /** One call's failure (even a database error) must not cost the other calls their outputs. */ async runOne(session, call) {
        try {
            return await this.pipeline.run({
                session,
                principal: sessionPrincipal(session),
                toolCallId: call.toolCallId,
                name: call.name,
                arguments: call.arguments,
                source: 'sideband'
            });
        } catch (error) {
            this.logger.error({
                toolCallId: call.toolCallId,
                err: error.message
            }, 'Tool call crashed');
            const failure = new ToolFailedError(call.name);
            return {
                status: 'refused',
                output: errorOutput(failure),
                replayed: false,
                error: failure
            };
        }
    }
    /** Refusals have no stored row to mark; everything else is sent by whoever marks it first. */ async claimDelivery(session, toolCallId, result) {
        if (result.status === 'refused') return true;
        return this.toolCalls.markOutputSent(session.id, toolCallId);
    }
}
ProposedToolCallsListener = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof VoiceEvents === "undefined" ? Object : VoiceEvents,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof ToolCallPipeline === "undefined" ? Object : ToolCallPipeline,
        typeof ToolCallsRepository === "undefined" ? Object : ToolCallsRepository,
        typeof VoiceConversation === "undefined" ? Object : VoiceConversation,
        typeof LatencyMeter === "undefined" ? Object : LatencyMeter
    ])
], ProposedToolCallsListener);

//# sourceMappingURL=proposed-tool-calls.listener.js.map