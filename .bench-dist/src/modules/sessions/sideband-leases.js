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
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { CallNotFoundUpstreamError, VoiceCalls } from '../voice/index.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';
import { SessionsService } from './sessions.service.js';
export class SidebandLeases {
    constructor(leases, config, sessions, voice, lifecycle){
        this.leases = leases;
        this.config = config;
        this.sessions = sessions;
        this.voice = voice;
        this.lifecycle = lifecycle;
        this.replicaId = newId('rep');
        this.logger = new Logger(SidebandLeases.name);
        this.owned = new Set();
        this.ticking = false;
    }
    onModuleInit() {
        const periodMs = this.config.sessions.sidebandLeaseSeconds * 1000 / 3;
        this.timer = setInterval(()=>void this.tick(), periodMs);
        this.timer.unref();
    }
    async onApplicationShutdown() {
        clearInterval(this.timer);
        // Hand the leases back so another replica takes over at its next tick, not after expiry.
        await this.leases.handBack(this.replicaId).catch(()=>undefined);
    }
    /** Takes the lease of a call this replica is connecting; true if it is now the owner. */ async acquire(sessionId, callId) {
        const seconds = this.config.sessions.sidebandLeaseSeconds;
        const acquired = await this.leases.acquire(callId, sessionId, this.replicaId, seconds);
        if (acquired) this.owned.add(callId);
        return acquired;
    }
    async tick() {
        if (this.ticking) return;
        this.ticking = true;
        try {
            await this.renew();
            await this.takeOver();
        } catch (error) {
            this.logger.error({
                err: error.message
            }, 'Sideband lease upkeep failed');
        } finally{
            this.ticking = false;
        }
    }
    async renew() {
        const kept = new Set(await this.leases.renew(this.replicaId, this.config.sessions.sidebandLeaseSeconds));
        for (const callId of [
            ...this.owned
        ]){
            if (kept.has(callId)) continue;
            this.owned.delete(callId);
            this.voice.detach(callId);
        }
    }
    async takeOver() {
        for (const orphan of (await this.leases.orphans())){
            if (!await this.acquire(orphan.sessionId, orphan.callId)) continue;
            const session = await this.sessions.getAny(orphan.sessionId);
            try {
                this.lifecycle.emit('call.watching', {
                    session,
                    callId: orphan.callId
                });
                await this.voice.attach(orphan.callId);
                this.lifecycle.emit('call.attached', {
                    session,
                    callId: orphan.callId,
                    takeover: true
                });
                this.logger.log({
                    sessionId: session.id,
                    callId: orphan.callId
                }, 'Took over a sideband');
            } catch (error) {
                if (error instanceof CallNotFoundUpstreamError) {
                    await this.sessions.end(session.id, 'ended', 'call_gone', 'system');
                }
            }
        }
    }
}
SidebandLeases = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SidebandLeasesRepository === "undefined" ? Object : SidebandLeasesRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof VoiceCalls === "undefined" ? Object : VoiceCalls,
        typeof SessionLifecycle === "undefined" ? Object : SessionLifecycle
    ])
], SidebandLeases);

//# sourceMappingURL=sideband-leases.js.map