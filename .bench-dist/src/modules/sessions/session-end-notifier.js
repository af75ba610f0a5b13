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
import { DatabaseNotifications } from '../../database/database-notifications.js';
import { VoiceCalls } from '../voice/index.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SESSION_ENDED } from './sessions.service.js';
export class SessionEndNotifier {
    constructor(notifications, voice, lifecycle){
        this.notifications = notifications;
        this.voice = voice;
        this.lifecycle = lifecycle;
        this.logger = new Logger(SessionEndNotifier.name);
    }
    async onModuleInit() {
        await this.notifications.listen(SESSION_ENDED, (notice)=>this.release(notice));
    }
    /**
   * Drops this replica's sideband and (through `call.released`) timers for an ended session; a
   * no-op if it has none.
   */ releaseLocally({ sessionId, callId }) {
        this.lifecycle.emit('call.released', {
            sessionId,
            callId
        });
        if (!callId || !this.voice.isAttached(callId)) return false;
        this.voice.detach(callId);
        return true;
    }
    release(notice) {
        if (this.releaseLocally(notice)) this.logger.log(notice, 'Session ended; released its sideband on this replica');
    }
}
SessionEndNotifier = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DatabaseNotifications === "undefined" ? Object : DatabaseNotifications,
        typeof VoiceCalls === "undefined" ? Object : VoiceCalls,
        typeof SessionLifecycle === "undefined" ? Object : SessionLifecycle
    ])
], SessionEndNotifier);

//# sourceMappingURL=session-end-notifier.js.map