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
import { RealtimeEventBus } from '../../realtime/index.js';
import { SessionTranscriptsRepository } from '../session-transcripts.repository.js';
import { SessionsService } from '../../sessions/index.js';
/** Longer lines are cut; a transcript is context for people, not a recording. */ const MAX_LINE = 2000;
export class SessionTranscripts {
    constructor(lines, sessions, bus){
        this.lines = lines;
        this.sessions = sessions;
        this.bus = bus;
    }
    onModuleInit() {
        this.unsubscribe = this.bus.on('sideband.event', ({ callId, event })=>{
            const line = lineOf(event);
            if (line) return this.record(callId, line.role, line.text);
        });
    }
    onApplicationShutdown() {
        this.unsubscribe?.();
    }
    recent(sessionId, limit) {
        return this.lines.recent(sessionId, limit);
    }
    async record(callId, role, text) {
        const session = await this.sessions.findByCall(callId);
        if (session) await this.lines.append(session.id, role, text.slice(0, MAX_LINE));
    }
}
SessionTranscripts = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionTranscriptsRepository === "undefined" ? Object : SessionTranscriptsRepository,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof RealtimeEventBus === "undefined" ? Object : RealtimeEventBus
    ])
], SessionTranscripts);
function lineOf(event) {
    if (event.type === 'conversation.item.input_audio_transcription.completed') return {
        role: 'user',
        text: String(event.transcript ?? '')
    };
    if (event.type === 'response.output_audio_transcript.done') return {
        role: 'assistant',
        text: String(event.transcript ?? '')
    };
    if (event.type !== 'conversation.item.done') return undefined;
    const { item } = event;
    if (item?.type === 'message' && item.role === 'user') {
        const text = (item.content ?? []).filter((c)=>c.type === 'input_text').map((c)=>c.text).join(' ');
        if (text) return {
            role: 'user',
            text
        };
    }
    return undefined;
}

//# sourceMappingURL=session-transcripts.js.map