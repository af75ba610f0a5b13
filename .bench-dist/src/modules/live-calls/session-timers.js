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
import { SessionLifecycle, SessionsService } from '../sessions/index.js';
import { VoiceConversation, VoiceEvents } from '../voice/index.js';
export class SessionTimers {
    constructor(sessions, events, conversation, lifecycle){
        this.sessions = sessions;
        this.events = events;
        this.conversation = conversation;
        this.lifecycle = lifecycle;
        this.timers = new Map();
        this.logger = new Logger(SessionTimers.name);
        this.unsubscribe = [];
    }
    onModuleInit() {
        this.unsubscribe.push(this.lifecycle.on('call.attached', ({ session })=>this.schedule(session)), this.lifecycle.on('call.released', ({ sessionId })=>this.cancel(sessionId)), this.events.on('call.lost', async ({ callId, reason })=>{
            const session = await this.sessions.findByCall(callId);
            if (!session) return;
            this.cancel(session.id);
            await this.sessions.end(session.id, 'ended', `sideband_lost:${reason}`, 'system');
        }));
    }
    /** Arms (or re-arms) the session's warning and cap. */ schedule(session) {
        const { callId } = session;
        if (!callId) return;
        this.cancel(session.id);
        const untilEnd = session.expiresAt.getTime() - Date.now();
        const { warningSeconds } = session.limits;
        const timers = [];
        if (warningSeconds > 0 && untilEnd > warningSeconds * 1000) {
            timers.push(setTimeout(()=>this.warn(callId, warningSeconds), untilEnd - warningSeconds * 1000));
        }
        timers.push(setTimeout(()=>this.endAtCap(session.id), untilEnd));
        timers.forEach((timer)=>timer.unref());
        this.timers.set(session.id, timers);
    }
    cancel(sessionId) {
        this.timers.get(sessionId)?.forEach(clearTimeout);
        this.timers.delete(sessionId);
    }
    onApplicationShutdown() {
        for (const stop of this.unsubscribe)stop();
        for (const id of [
            ...this.timers.keys()
        ])this.cancel(id);
    }
    endAtCap(sessionId) {
        this.timers.delete(sessionId);
        this.sessions.end(sessionId, 'ended', 'max_duration', 'system').catch((error)=>this.logger.error({
                sessionId,
                err: error.message
            }, 'Ending at the cap failed'));
    }
    /** Tells the caller, in the conversation and aloud, that the call is about to end. */ warn(callId, secondsLeft) {
        const text = `This call will end in ${secondsLeft} seconds because it reached its time limit.`;
        this.conversation.tell(callId, {
            reason: 'limit_warning',
            text: `Session limit: ${text}`,
            say: text
        });
    }
}
SessionTimers = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof VoiceEvents === "undefined" ? Object : VoiceEvents,
        typeof VoiceConversation === "undefined" ? Object : VoiceConversation,
        typeof SessionLifecycle === "undefined" ? Object : SessionLifecycle
    ])
], SessionTimers);

//# sourceMappingURL=session-timers.js.map