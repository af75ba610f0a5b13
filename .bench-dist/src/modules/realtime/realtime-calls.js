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
import OpenAI from 'openai';
import { VoiceApiRefusedError, VoiceCalls } from '../voice/index.js';
import { SidebandConnections } from './sideband-connections.js';
export class RealtimeCalls extends VoiceCalls {
    constructor(openai, sidebands){
        super(), this.openai = openai, this.sidebands = sidebands, this.logger = new Logger(RealtimeCalls.name);
    }
    async createCall(offer, session) {
        try {
            const response = await this.openai.realtime.calls.create({
                sdp: offer,
                session
            });
            const answer = await response.text();
            const callId = response.headers.get('location')?.split('/').pop() ?? '';
            if (!callId) throw new VoiceApiRefusedError('OpenAI answered without a call id (Location header).');
            return {
                callId,
                answer
            };
        } catch (error) {
            if (error instanceof OpenAI.APIError) throw new VoiceApiRefusedError(`OpenAI refused the offer: ${error.message}`);
            throw error;
        }
    }
    async mintClientSecret(session, ttlSeconds) {
        try {
            const secret = await this.openai.realtime.clientSecrets.create({
                expires_after: {
                    anchor: 'created_at',
                    seconds: ttlSeconds
                },
                session
            });
            return {
                value: secret.value,
                expiresAt: new Date(secret.expires_at * 1000)
            };
        } catch (error) {
            if (error instanceof OpenAI.APIError) throw new VoiceApiRefusedError(`OpenAI refused the client secret: ${error.message}`);
            throw error;
        }
    }
    attach(callId) {
        return this.sidebands.open(callId);
    }
    detach(callId) {
        this.sidebands.close(callId);
    }
    isAttached(callId) {
        return this.sidebands.isWanted(callId);
    }
    isConnected(callId) {
        return this.sidebands.isOpen(callId);
    }
    async hangup(callId) {
        this.sidebands.close(callId);
        try {
            await this.openai.realtime.calls.hangup(callId);
        } catch (error) {
            // 404: the call is already gone, which is what we wanted.
            if (!(error instanceof OpenAI.NotFoundError)) this.logger.error({
                callId,
                err: error.message
            }, 'Hanging up the call failed');
        }
    }
}
RealtimeCalls = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OpenAI === "undefined" ? Object : OpenAI,
        typeof SidebandConnections === "undefined" ? Object : SidebandConnections
    ])
], RealtimeCalls);

//# sourceMappingURL=realtime-calls.js.map