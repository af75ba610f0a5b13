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
import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config.js';
import { AuditLog } from '../../audit/index.js';
import { RealtimeEventBus, SidebandConnections, SidebandTags } from '../../realtime/index.js';
import { GovernedCalls } from './governed-calls.js';
import { foreignChanges, revertUpdate } from './tamper-check.js';
import { SessionLifecycle, SessionsService } from '../../sessions/index.js';
export class TamperGuard {
    constructor(config, sessions, sidebands, bus, audit, tags, calls, lifecycle){
        this.config = config;
        this.sessions = sessions;
        this.sidebands = sidebands;
        this.bus = bus;
        this.audit = audit;
        this.tags = tags;
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.logger = new Logger(TamperGuard.name);
        this.unsubscribe = [];
    }
    onModuleInit() {
        this.unsubscribe.push(// Whatever the page changed before the sideband was attached is put back at once.
        this.lifecycle.on('call.attached', ({ session, callId, takeover })=>{
            if (!takeover) this.sidebands.send(callId, revertUpdate(session.config));
        }), this.bus.on('sideband.event', ({ callId, event })=>this.inspect(callId, event)), // After a reconnect, changes made while nobody was watching are put back.
        this.bus.on('sideband.connected', async ({ callId, reconnect })=>{
            if (!reconnect) return;
            const call = this.calls.get(callId);
            if (call) this.redoAfterReconnect(callId, call);
            const session = await this.sessions.findByCall(callId);
            if (session?.state === 'active') this.sidebands.send(callId, revertUpdate(session.config));
        }));
    }
    onApplicationShutdown() {
        for (const stop of this.unsubscribe)stop();
    }
    /** Synchronous up to the first reaction: what must be undone is undone before anything else. */ inspect(callId, event) {
        const call = this.calls.get(callId);
        switch(event.type){
            case 'session.updated':
                return this.later(callId, this.checkSession(callId, event.session));
            case 'conversation.item.added':
                this.checkUnseen(callId, call, event.previous_item_id);
                return this.checkItem(callId, call, event.item);
            case 'conversation.item.retrieved':
                return this.checkRetrieved(callId, call, event.item);
            case 'input_audio_buffer.committed':
                this.checkUnseen(callId, call, event.previous_item_id);
                return void call?.knownItems.add(String(event.item_id));
            case 'response.output_item.added':
                return void call?.knownItems.add(String(event.item?.id));
            case 'conversation.item.deleted':
                return this.checkDeletion(callId, call, String(event.item_id ?? ''));
            case 'error':
                return this.checkRefused(call, event);
        }
    }
    /**
   * An item named as the predecessor of a new one, but never seen: it was added while nobody
   * watched (a sideband reconnect, a handover). Until it is retrieved and checked it counts as
   * foreign, so no response of Switchboard's starts in between.
   */ checkUnseen(callId, call, previous) {
        if (!call || typeof previous !== 'string' || call.knownItems.has(previous)) return;
        if (call.foreign.has(previous)) return;
        call.addForeign(previous);
        this.retrieve(callId, call, previous);
    }
    retrieve(callId, call, itemId) {
        const eventId = `sbget_${randomBytes(9).toString('base64url')}`;
        call.retrievals.set(eventId, itemId);
        this.sidebands.send(callId, {
            type: 'conversation.item.retrieve',
            event_id: eventId,
            item_id: itemId
        });
    }
    checkRetrieved(callId, call, item) {
        // Only an item still waiting to be checked; one already being deleted stays foreign.
        if (!call || !item?.id || !call.foreign.has(item.id)) return;
        if ([
            ...call.deletions.values()
        ].includes(item.id)) return;
        call.knownItems.add(item.id);
        // Policed and not ours: deleted (it stands until that is confirmed); anything else is fine.
        if (policedKind(item) && !this.tags.isOwnItem(callId, item)) return this.checkItem(callId, call, item);
        if (policedKind(item)) call.ownItems.set(item.id, item);
        call.removeForeign(item.id);
    }
    /** After a reconnect, what was in flight may have been lost: ask again. */ redoAfterReconnect(callId, call) {
        const deleting = new Set(call.deletions.values());
        call.deletions.clear();
        call.retrievals.clear();
        for (const itemId of call.foreign){
            if (deleting.has(itemId)) this.delete(callId, call, itemId);
            else this.retrieve(callId, call, itemId);
        }
    }
    checkItem(callId, call, item) {
        if (item?.id) call?.knownItems.add(item.id);
        const kind = policedKind(item);
        if (!item || !kind) return;
        if (this.tags.isOwnItem(callId, item)) {
            call?.ownItems.set(item.id, item);
            return;
        }
        if (item.id && call) {
            if (!call.foreign.has(item.id)) call.addForeign(item.id);
            this.delete(callId, call, item.id);
        } else if (item.id) {
            this.sidebands.send(callId, {
                type: 'conversation.item.delete',
                item_id: item.id
            });
        }
        this.react(callId, kind, {
            itemId: item.id ?? null,
            toolCallId: item.call_id ?? null
        });
    }
    delete(callId, call, itemId) {
        const eventId = `sbdel_${randomBytes(9).toString('base64url')}`;
        call.deletions.set(eventId, itemId);
        this.sidebands.send(callId, {
            type: 'conversation.item.delete',
            event_id: eventId,
            item_id: itemId
        });
    }
    checkDeletion(callId, call, itemId) {
        if (!call) return;
        if (call.foreign.has(itemId)) {
            for (const [eventId, target] of call.deletions)if (target === itemId) call.deletions.delete(eventId);
            return call.removeForeign(itemId);
        }
        const own = call.ownItems.get(itemId);
        if (!own) return;
        // Switchboard never deletes its own items: the page did. Put it back, with a new tagged id.
        call.ownItems.delete(itemId);
        const { id: _deleted, ...content } = own;
        this.sidebands.send(callId, {
            type: 'conversation.item.create',
            item: this.tags.tagItem(callId, content)
        });
        this.react(callId, 'item.deleted', {
            itemId,
            toolCallId: own.call_id ?? null
        });
    }
    /**
   * A delete or retrieve of ours that failed: the item is gone already (the page removed it), so
   * it no longer stands.
   */ checkRefused(call, event) {
        const eventId = event.error?.event_id;
        if (!call || !eventId) return;
        const itemId = call.deletions.get(eventId) ?? call.retrievals.get(eventId);
        if (!itemId) return;
        call.deletions.delete(eventId);
        call.retrievals.delete(eventId);
        call.removeForeign(itemId);
    }
    /**
   * A response Switchboard did not start, in a `server` session (`ServerResponses` decides that,
   * from tags it issued): cancelled at once, then audited and reacted to.
   */ cancelForeignResponse(callId, response) {
        this.sidebands.send(callId, {
            type: 'response.cancel',
            response_id: response?.id
        });
        this.react(callId, 'response.create', {
            responseId: response?.id ?? null
        });
    }
    async checkSession(callId, effective) {
        const session = await this.sessions.findByCall(callId);
        if (!session || session.state !== 'active') return;
        const changed = foreignChanges(session.config, effective);
        if (changed.length === 0) return;
        this.sidebands.send(callId, revertUpdate(session.config));
        await this.reaction(callId, 'session.update', {
            fields: changed
        });
    }
    react(callId, kind, data) {
        this.later(callId, this.reaction(callId, kind, data));
    }
    later(callId, work) {
        void work.catch((error)=>this.logger.error({
                callId,
                err: error.message
            }, 'Tamper reaction failed'));
    }
    /** Audited, and by default the session ends (its call is hung up). */ async reaction(callId, kind, data) {
        const session = await this.sessions.findByCall(callId);
        if (!session || session.state !== 'active') return;
        const details = {
            kind,
            ...data,
            callId
        };
        await this.audit.append({
            actor: 'system',
            action: 'session.tamper_detected',
            subject: session.id,
            data: details
        });
        this.logger.warn({
            sessionId: session.id,
            ...details
        }, 'Tampering detected on a session');
        if (this.config.sessions.hangUpOnTamper) await this.sessions.end(session.id, 'ended', 'tamper', 'system');
    }
}
TamperGuard = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof SidebandConnections === "undefined" ? Object : SidebandConnections,
        typeof RealtimeEventBus === "undefined" ? Object : RealtimeEventBus,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof SidebandTags === "undefined" ? Object : SidebandTags,
        typeof GovernedCalls === "undefined" ? Object : GovernedCalls,
        typeof SessionLifecycle === "undefined" ? Object : SessionLifecycle
    ])
], TamperGuard);
/** Items only Switchboard may add: tool outputs and system messages. The page may add user turns. */ function policedKind(item) {
    if (item?.type === 'function_call_output') return 'function_call_output';
    if (item?.type === 'message' && item.role === 'system') return 'system_message';
    return undefined;
}

//# sourceMappingURL=tamper-guard.js.map