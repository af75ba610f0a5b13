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
import { RealtimeEventBus, SidebandConnections, SidebandTags } from '../../realtime/index.js';
import { VoiceConversation, VoiceEvents } from '../../voice/index.js';
import { GovernedCalls } from './governed-calls.js';
import { RealtimePricing } from './realtime-pricing.js';
import { ServerResponses } from './server-responses.js';
import { revertUpdate } from './tamper-check.js';
export class RealtimeConversation extends VoiceConversation {
    constructor(bus, events, sidebands, tags, responses, calls, pricing){
        super(), this.bus = bus, this.events = events, this.sidebands = sidebands, this.tags = tags, this.responses = responses, this.calls = calls, this.pricing = pricing, this.logger = new Logger(RealtimeConversation.name), this.unsubscribe = [];
    }
    onModuleInit() {
        this.unsubscribe.push(// Synchronous: a charge is known to the meter before anything else reacts to the event.
        this.bus.on('server:response.done', ({ callId, event })=>this.responseDone(callId, event)), this.bus.on('server:conversation.item.input_audio_transcription.completed', ({ callId, event })=>this.transcribed(callId, event)), this.bus.on('sideband.lost', (lost)=>this.events.emit('call.lost', lost)));
    }
    onApplicationShutdown() {
        for (const stop of this.unsubscribe)stop();
    }
    sendToolOutput(callId, { toolCallId, output }) {
        // Tagged, so the tamper guard knows it for Switchboard's own (the page cannot mint the tag).
        const sent = this.sidebands.send(callId, {
            type: 'conversation.item.create',
            item: this.tags.tagItem(callId, {
                type: 'function_call_output',
                call_id: toolCallId,
                output: JSON.stringify(output)
            })
        });
        if (!sent) this.logger.warn({
            callId,
            toolCallId
        }, 'Sideband closed; tool output not delivered');
        return sent;
    }
    answerToolOutputs(callId) {
        this.responses.request(callId, {
            reason: 'tool_outputs'
        });
    }
    tell(callId, notice) {
        const message = this.tags.tagItem(callId, {
            type: 'message',
            role: 'system',
            content: [
                {
                    type: 'input_text',
                    text: notice.text
                }
            ]
        });
        this.responses.request(callId, {
            reason: notice.reason,
            items: [
                message
            ],
            ...notice.say ? {
                response: {
                    instructions: `Say exactly: ${notice.say}`
                }
            } : {}
        });
    }
    applySession(callId, session) {
        this.sidebands.send(callId, revertUpdate(session));
    }
    /** A finished response: charged from its usage, and its function calls proposed if it completed. */ responseDone(callId, { response }) {
        if (response?.usage) this.chargeResponse(callId, response.usage);
        // A cancelled or failed response (barge-in, error) withdrew its proposals: nothing runs.
        if (response?.status && response.status !== 'completed') return;
        // An id or name the wire leaves out goes to the pipeline as empty: refused there, audited.
        const calls = (response?.output ?? []).flatMap((item)=>item.type === 'function_call' ? [
                {
                    toolCallId: item.call_id ?? '',
                    name: item.name ?? '',
                    arguments: item.arguments ?? ''
                }
            ] : []);
        if (calls.length > 0) this.events.emit('call.tool_calls', {
            callId,
            calls
        });
    }
    /** An input transcription, billed apart from responses. */ transcribed(callId, { usage }) {
        if (!usage) return;
        this.events.emit('call.charged', {
            callId,
            price: (session)=>this.pricing.transcription(usage, session),
            nextResponseUsd: (session)=>this.pricing.nextResponseUsd(callId, session)
        });
    }
    chargeResponse(callId, usage) {
        const call = this.calls.get(callId);
        if (call) call.lastUsage = usage;
        this.events.emit('call.charged', {
            callId,
            price: (session)=>this.pricing.response(usage, session),
            nextResponseUsd: (session)=>this.pricing.nextResponseUsd(callId, session)
        });
    }
}
RealtimeConversation = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof RealtimeEventBus === "undefined" ? Object : RealtimeEventBus,
        typeof VoiceEvents === "undefined" ? Object : VoiceEvents,
        typeof SidebandConnections === "undefined" ? Object : SidebandConnections,
        typeof SidebandTags === "undefined" ? Object : SidebandTags,
        typeof ServerResponses === "undefined" ? Object : ServerResponses,
        typeof GovernedCalls === "undefined" ? Object : GovernedCalls,
        typeof RealtimePricing === "undefined" ? Object : RealtimePricing
    ])
], RealtimeConversation);

//# sourceMappingURL=realtime-conversation.js.map