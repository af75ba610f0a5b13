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
import { AuditLog } from '../audit/index.js';
import { SessionsService } from '../sessions/index.js';
import { VoiceCalls, VoiceConversation } from '../voice/index.js';
import { SETTLED } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';
const SETTLED_NOTICE = 'action_settled';
export class ActionDelivery {
    constructor(actions, sessions, voice, conversation, notifications, audit){
        this.actions = actions;
        this.sessions = sessions;
        this.voice = voice;
        this.conversation = conversation;
        this.notifications = notifications;
        this.audit = audit;
        this.logger = new Logger(ActionDelivery.name);
    }
    async onModuleInit() {
        await this.notifications.listen(SETTLED_NOTICE, (actionId)=>{
            void this.deliver(actionId, false).catch((error)=>this.logger.error({
                    actionId,
                    err: error.message
                }, 'Delivering an outcome failed'));
        });
    }
    async deliver(actionId, passOn = true) {
        const row = await this.actions.find(actionId);
        if (!row || !SETTLED.includes(row.status) || row.delivered_at) return false;
        const session = await this.sessions.find(row.session_id);
        if (!session?.callId || session.state !== 'active') return false;
        if (!this.voice.isConnected(session.callId)) {
            if (passOn && this.notifications.crossProcess) await this.notifications.notify(SETTLED_NOTICE, actionId).catch((error)=>this.logger.error({
                    actionId,
                    err: error.message
                }, 'Could not pass an outcome on'));
            return false;
        }
        if (!await this.actions.claimDelivery(actionId)) return false;
        this.conversation.tell(session.callId, {
            reason: 'action_outcome',
            text: outcomeText(row)
        });
        await this.audit.append({
            actor: 'system',
            action: 'action.delivered',
            subject: actionId,
            data: {
                sessionId: session.id,
                status: row.status
            }
        });
        return true;
    }
}
ActionDelivery = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof PendingActionsRepository === "undefined" ? Object : PendingActionsRepository,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof VoiceCalls === "undefined" ? Object : VoiceCalls,
        typeof VoiceConversation === "undefined" ? Object : VoiceConversation,
        typeof DatabaseNotifications === "undefined" ? Object : DatabaseNotifications,
        typeof AuditLog === "undefined" ? Object : AuditLog
    ])
], ActionDelivery);
/** What the model is told; it phrases it for the caller. */ export function outcomeText(row) {
    const about = `Update on the request that waited for approval (${row.tool}, ${row.id}):`;
    switch(row.status){
        case 'executed':
            return `${about} it was approved and done. Result: ${JSON.stringify(row.result)}. Tell the caller.`;
        case 'rejected':
            return `${about} an approver rejected it${row.status_reason ? ` (${row.status_reason})` : ''}. It was not done. Tell the caller.`;
        case 'expired':
            return `${about} nobody approved it in time, so it was not done. Tell the caller.`;
        case 'cancelled':
            return `${about} it was cancelled and not done. Tell the caller.`;
        default:
            if (row.error?.code === 'EXECUTION_INTERRUPTED') return `${about} it was approved, but its execution was interrupted, so it is not certain whether it took effect. A person will check. Tell the caller.`;
            return `${about} it was approved but failed (${row.error?.code ?? 'error'}). Tell the caller it did not go through.`;
    }
}

//# sourceMappingURL=action-delivery.js.map