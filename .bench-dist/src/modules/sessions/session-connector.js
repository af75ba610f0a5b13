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
import { actorOf } from '../../common/auth/principal.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/index.js';
import { CallNotFoundUpstreamError, VoiceApiRefusedError, VoiceCalls } from '../voice/index.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SidebandLeases } from './sideband-leases.js';
import { SessionsRepository } from './sessions.repository.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';
import { SessionStateError, UpstreamError } from './sessions.errors.js';
import { SessionsService } from './sessions.service.js';
/**
 * Connects a session to its call exactly once, through the voice port: proxy mode (the server
 * forwards the SDP offer with its own key) or ephemeral mode (one short-lived client secret, then
 * the page reports its call id).
 * Each step first claims the session with one conditional UPDATE, so racing requests get one winner.
 */ const UNIQUE_VIOLATION = '23505';
export class SessionConnector {
    constructor(repository, leaseRows, config, sessions, audit, voice, leases, lifecycle){
        this.repository = repository;
        this.leaseRows = leaseRows;
        this.config = config;
        this.sessions = sessions;
        this.audit = audit;
        this.voice = voice;
        this.leases = leases;
        this.lifecycle = lifecycle;
    }
    /** Proxy mode: forwards the offer as multipart with the server-built session; returns the answer. */ async exchangeSdp(principal, id, offer) {
        const session = await this.claim(principal, id, 'sdp');
        let call;
        try {
            call = await this.voice.createCall(offer, session.config);
        } catch (error) {
            await this.repository.undoConnecting(id);
            if (error instanceof VoiceApiRefusedError) throw new UpstreamError(error.message);
            throw error;
        }
        await this.activate(principal, session, call.callId);
        return call.answer;
    }
    /** Ephemeral mode: one client secret per session, with the server-built config and a short TTL. */ async mintClientSecret(principal, id) {
        const ttl = this.config.sessions.clientSecretTtlSeconds;
        const session = await this.claim(principal, id, 'clientSecret', ttl);
        let secret;
        try {
            secret = await this.voice.mintClientSecret(session.config, ttl);
        } catch (error) {
            // Nothing was minted, so the session may try again.
            await this.repository.undoClientSecret(id);
            if (error instanceof VoiceApiRefusedError) throw new UpstreamError(error.message);
            throw error;
        }
        const expiresAt = secret.expiresAt.toISOString();
        await this.audit.append({
            actor: actorOf(principal),
            action: 'session.client_secret_minted',
            subject: id,
            data: {
                ttlSeconds: ttl,
                expiresAt
            }
        });
        return {
            value: secret.value,
            expiresAt
        };
    }
    /** Ephemeral mode: binds the call the page created, once, after checking OpenAI knows it. */ async bindCall(principal, id, callId) {
        // The UNIQUE constraint on call_id decides races between sessions claiming the same call.
        const session = await this.claim(principal, id, 'bind', callId).catch((error)=>{
            if (error.code === UNIQUE_VIOLATION) {
                throw new SessionStateError(`Call ${callId} is already bound to a session.`);
            }
            throw error;
        });
        return this.activate(principal, session, callId);
    }
    async claim(principal, id, claim, value) {
        const owned = await this.sessions.getOwned(principal, id);
        const claimed = await this.repository.claim(id, claim, value);
        if (claimed) return claimed;
        throw new SessionStateError(refusal(owned, claim === 'sdp' ? 'proxy' : 'ephemeral'));
    }
    /** Undoes a claim that did not lead to a connection, so the session may try again. */ async release(id, callId) {
        this.voice.detach(callId);
        await this.leaseRows.releaseCall(callId);
        await this.repository.undoConnecting(id);
    }
    async activate(principal, session, callId) {
        try {
            if (!await this.leases.acquire(session.id, callId)) {
                throw new SessionStateError(`Call ${callId} is already watched by another session.`);
            }
            // Known before the first event arrives, so every decision on it can be taken at once.
            this.lifecycle.emit('call.watching', {
                session,
                callId
            });
            await this.voice.attach(callId);
        } catch (error) {
            await this.release(session.id, callId);
            if (error instanceof SessionStateError) throw error;
            if (error instanceof CallNotFoundUpstreamError) {
                throw new SessionStateError(`OpenAI does not know call ${callId}; create the call first, then bind it.`);
            }
            throw new UpstreamError(`The sideband to call ${callId} could not be opened.`);
        }
        const active = await this.repository.activate(session.id, callId);
        if (!active) {
            // Ended (revoked, timed out) while connecting: nobody may keep this call.
            await this.release(session.id, callId);
            await this.voice.hangup(callId);
            throw new SessionStateError(`Session ${session.id} ended while it was connecting.`);
        }
        // Listeners put back whatever the page changed before the sideband was attached.
        this.lifecycle.emit('call.attached', {
            session: active,
            callId,
            takeover: false
        });
        await this.audit.append({
            actor: actorOf(principal),
            action: session.mode === 'proxy' ? 'session.connected' : 'session.bound',
            subject: session.id,
            data: {
                callId,
                mode: session.mode,
                expiresAt: active.expiresAt.toISOString()
            }
        });
        return active;
    }
}
SessionConnector = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsRepository === "undefined" ? Object : SessionsRepository,
        typeof SidebandLeasesRepository === "undefined" ? Object : SidebandLeasesRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof VoiceCalls === "undefined" ? Object : VoiceCalls,
        typeof SidebandLeases === "undefined" ? Object : SidebandLeases,
        typeof SessionLifecycle === "undefined" ? Object : SessionLifecycle
    ])
], SessionConnector);
function refusal(session, mode) {
    if (session.mode !== mode) {
        return `Session ${session.id} uses ${session.mode} mode; this step belongs to ${mode} mode.`;
    }
    if (session.state === 'ended' || session.state === 'revoked') {
        return `Session ${session.id} is ${session.state} (${session.endReason ?? 'no reason'}).`;
    }
    if (session.connectBy.getTime() <= Date.now()) return `Session ${session.id} was not connected in time.`;
    if (mode === 'ephemeral' && session.clientSecretExpiresAt && session.state === 'created' && !session.callId) {
        return `Session ${session.id} already has its one client secret.`;
    }
    if (mode === 'ephemeral' && !session.clientSecretExpiresAt) {
        return `Session ${session.id} has no client secret yet; mint one first.`;
    }
    return `Session ${session.id} is already connected (one connection per session).`;
}

//# sourceMappingURL=session-connector.js.map