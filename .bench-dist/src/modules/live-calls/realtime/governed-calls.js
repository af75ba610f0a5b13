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
import { SessionLifecycle } from '../../sessions/index.js';
/**
 * What this replica knows, in memory, about a call whose sideband it owns. Decisions that must be
 * taken the instant an event arrives (is this item ours? may a response start now?) read it
 * synchronously; nothing here is the source of truth, the database is.
 */ export class GovernedCall {
    constructor(callId, sessionId, responseStart){
        this.callId = callId;
        this.sessionId = sessionId;
        this.responseStart = responseStart;
        /** Foreign items seen in the conversation and not yet confirmed deleted, by item id. */ this.foreign = new Set();
        /** Items Switchboard created in the call, by id, kept to restore one the page deletes. */ this.ownItems = new Map();
        /** Our `conversation.item.delete` event ids → the foreign item each one removes. */ this.deletions = new Map();
        /** Every item id this replica has seen in the call (added, committed, produced). */ this.knownItems = new Set();
        /** Our `conversation.item.retrieve` event ids → the unseen item each one asks for. */ this.retrievals = new Map();
        /** Counts every foreign item ever seen: a response started across a change is tainted. */ this.foreignSeen = 0;
        this.clearedListeners = new Set();
    }
    addForeign(itemId) {
        this.foreign.add(itemId);
        this.foreignSeen += 1;
    }
    removeForeign(itemId) {
        if (!this.foreign.delete(itemId) || this.foreign.size > 0) return;
        for (const listener of this.clearedListeners)listener();
    }
    /** Runs `listener` whenever the last standing foreign item is gone. */ onForeignCleared(listener) {
        this.clearedListeners.add(listener);
        return ()=>this.clearedListeners.delete(listener);
    }
}
export class GovernedCalls {
    constructor(bus, lifecycle){
        this.bus = bus;
        this.lifecycle = lifecycle;
        this.calls = new Map();
        this.unsubscribe = [];
    }
    onModuleInit() {
        this.unsubscribe.push(// Known before the first event arrives, so every decision on it can be taken at once.
        this.lifecycle.on('call.watching', ({ session, callId })=>this.watch(session, callId)), this.bus.on('sideband.closed', ({ callId })=>this.forget(callId)), this.bus.on('sideband.lost', ({ callId })=>this.forget(callId)));
    }
    onApplicationShutdown() {
        for (const stop of this.unsubscribe)stop();
    }
    /** Registers (or re-registers after a handover) the call of an active or connecting session. */ watch(session, callId) {
        const existing = this.calls.get(callId);
        if (existing?.sessionId === session.id) return existing;
        const call = new GovernedCall(callId, session.id, session.responseStart);
        this.calls.set(callId, call);
        return call;
    }
    get(callId) {
        return this.calls.get(callId);
    }
    forget(callId) {
        this.calls.delete(callId);
    }
}
GovernedCalls = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof RealtimeEventBus === "undefined" ? Object : RealtimeEventBus,
        typeof SessionLifecycle === "undefined" ? Object : SessionLifecycle
    ])
], GovernedCalls);

//# sourceMappingURL=governed-calls.js.map