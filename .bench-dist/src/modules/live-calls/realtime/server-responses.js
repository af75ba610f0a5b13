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
import { RealtimeEventBus, SidebandConnections, responseTagOf, SidebandTags } from '../../realtime/index.js';
import { GovernedCalls } from './governed-calls.js';
import { ResponseBudget } from '../response-budget.js';
import { RealtimePricing } from './realtime-pricing.js';
import { TamperGuard } from './tamper-guard.js';
const COLLISION = 'conversation_already_has_active_response';
export class ServerResponses {
    constructor(bus, sidebands, tags, calls, budget, tamper, pricing){
        this.bus = bus;
        this.sidebands = sidebands;
        this.tags = tags;
        this.calls = calls;
        this.budget = budget;
        this.tamper = tamper;
        this.pricing = pricing;
        this.logger = new Logger(ServerResponses.name);
        this.byCall = new Map();
        this.unsubscribe = [];
    }
    onModuleInit() {
        this.unsubscribe.push(this.bus.on('sideband.event', ({ callId, event })=>this.observe(callId, event)), // Events missed while reconnecting cannot be replayed: start from a clean slate.
        this.bus.on('sideband.connected', ({ callId, reconnect })=>{
            const state = this.byCall.get(callId);
            if (!reconnect || !state) return;
            state.active = undefined;
            state.inFlight = undefined;
            void this.pump(callId);
        }), this.bus.on('sideband.closed', ({ callId })=>this.forget(callId)));
    }
    onApplicationShutdown() {
        for (const stop of this.unsubscribe)stop();
        for (const callId of [
            ...this.byCall.keys()
        ])this.forget(callId);
    }
    /** Asks for one response in the call; it starts as soon as it may. */ request(callId, request) {
        const state = this.stateOf(callId);
        // Two turns spoken while the model talks need one answer, not two.
        if (request.reason === 'user_turn' && state.queue.some((r)=>r.reason === 'user_turn')) return;
        state.queue.push(request);
        void this.pump(callId);
    }
    observe(callId, event) {
        const call = this.calls.get(callId);
        if (event.type === 'response.created') return this.onCreated(callId, event, call);
        if (event.type === 'response.done') {
            const state = this.byCall.get(callId);
            if (!state) return;
            state.active = undefined;
            void this.pump(callId);
            return;
        }
        if (event.type === 'error') return this.onError(callId, event);
        if (call?.responseStart === 'server' && isUserMessageAdded(event)) this.request(callId, {
            reason: 'user_turn'
        });
    }
    onCreated(callId, event, call) {
        const response = event.response;
        const state = this.stateOf(callId);
        state.active = response?.id ?? 'unknown';
        // Ours only with a tag this replica issued and has not seen used: the page sees every tag in
        // `response.created`, so a tag is spent the first time it appears.
        const tag = responseTagOf(response);
        const own = tag !== undefined && state.issued.delete(tag) && this.tags.isOwnResponse(callId, response);
        if (!own) {
            if (call?.responseStart === 'server') this.tamper.cancelForeignResponse(callId, response);
            return;
        }
        const inFlight = state.inFlight;
        if (inFlight?.tag !== tag) return;
        state.inFlight = undefined;
        const tainted = call && (call.foreignSeen !== inFlight.foreignSeen || call.foreign.size > 0);
        if (!tainted) return;
        // It may have read a foreign item: stop it before it speaks, and ask again once it is gone.
        this.sidebands.send(callId, {
            type: 'response.cancel',
            response_id: response?.id
        });
        state.queue.unshift(inFlight.request);
        this.logger.warn({
            callId,
            reason: inFlight.request.reason
        }, 'Restarting a tainted response');
    }
    onError(callId, event) {
        const { error } = event;
        const state = this.byCall.get(callId);
        const inFlight = state?.inFlight;
        if (!state || !inFlight || error?.event_id !== inFlight.eventId) return;
        state.inFlight = undefined;
        state.issued.delete(inFlight.tag); // it never started, so no one has seen it
        if (error.code === COLLISION) {
            // One we did not see start is running; ours goes after its response.done.
            state.active ??= 'unknown';
            state.queue.unshift(inFlight.request);
            return;
        }
        this.logger.error({
            callId,
            reason: inFlight.request.reason,
            code: error.code,
            err: error.message
        }, 'OpenAI refused a response Switchboard started');
    }
    async pump(callId) {
        const state = this.byCall.get(callId);
        if (!state || !this.mayStart(callId, state)) return;
        state.checking = true;
        let allowed = false;
        try {
            allowed = await this.budget.allowsResponse(callId, (session)=>this.pricing.nextResponseUsd(callId, session));
            // Not affordable (the session is being ended) or not active: nothing more starts.
            if (!allowed) state.queue.length = 0;
        } catch (error) {
            // Deny unless allowed: the request waits for the next chance (the next response.done).
            this.logger.error({
                callId,
                err: error.message
            }, 'Budget check failed');
        } finally{
            state.checking = false;
        }
        if (allowed && this.mayStart(callId, state)) this.send(callId, state);
    }
    mayStart(callId, state) {
        const call = this.calls.get(callId);
        return state.queue.length > 0 && !state.checking && !state.inFlight && !state.active && !(call && call.foreign.size > 0);
    }
    send(callId, state) {
        const { items, ...request } = state.queue.shift();
        // Sent once: a request that is retried later (a collision, a taint) does not add them again.
        for (const item of items ?? [])this.sidebands.send(callId, {
            type: 'conversation.item.create',
            item
        });
        const eventId = `sbresp_${randomBytes(9).toString('base64url')}`;
        const metadata = this.tags.responseMetadata(callId);
        const tag = responseTagOf({
            metadata
        });
        state.issued.add(tag);
        const sent = this.sidebands.send(callId, {
            type: 'response.create',
            event_id: eventId,
            response: {
                ...request.response,
                metadata
            }
        });
        if (!sent) {
            this.logger.warn({
                callId,
                reason: request.reason
            }, 'Sideband closed; no response started');
            return;
        }
        state.inFlight = {
            request,
            eventId,
            tag,
            foreignSeen: this.calls.get(callId)?.foreignSeen ?? 0
        };
    }
    stateOf(callId) {
        let state = this.byCall.get(callId);
        if (!state) {
            state = {
                queue: [],
                checking: false,
                issued: new Set()
            };
            state.stopListening = this.calls.get(callId)?.onForeignCleared(()=>void this.pump(callId));
            this.byCall.set(callId, state);
        }
        return state;
    }
    forget(callId) {
        this.byCall.get(callId)?.stopListening?.();
        this.byCall.delete(callId);
    }
}
ServerResponses = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof RealtimeEventBus === "undefined" ? Object : RealtimeEventBus,
        typeof SidebandConnections === "undefined" ? Object : SidebandConnections,
        typeof SidebandTags === "undefined" ? Object : SidebandTags,
        typeof GovernedCalls === "undefined" ? Object : GovernedCalls,
        typeof ResponseBudget === "undefined" ? Object : ResponseBudget,
        typeof TamperGuard === "undefined" ? Object : TamperGuard,
        typeof RealtimePricing === "undefined" ? Object : RealtimePricing
    ])
], ServerResponses);
function isUserMessageAdded(event) {
    return event.type === 'conversation.item.added' && // The wire is not bound by the SDK's types: an event without its item is not a user turn.
    event.item?.type === 'message' && event.item.role === 'user';
}

//# sourceMappingURL=server-responses.js.map