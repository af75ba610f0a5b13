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
import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../../config/agent-profiles.js';
import { AppConfig } from '../../../config/app-config.js';
import { FALLBACK_TRANSCRIPTION_MODEL, transcriptionCostUsd } from '../../../config/transcription-prices.js';
import { nextResponseCeilingUsd, usageCostUsd } from '../../sessions/index.js';
import { GovernedCalls } from './governed-calls.js';
export class RealtimePricing {
    constructor(config, calls){
        this.config = config;
        this.calls = calls;
    }
    response(usage, session) {
        return {
            costUsd: usageCostUsd(usage, this.modelPrices(session)),
            responses: 1,
            inputTokens: usage.input_tokens ?? 0,
            outputTokens: usage.output_tokens ?? 0,
            transcriptions: 0
        };
    }
    transcription(usage, session) {
        const prices = this.config.cost.transcriptionPrices;
        const model = session.audio?.input?.transcription?.model ?? FALLBACK_TRANSCRIPTION_MODEL;
        return {
            costUsd: transcriptionCostUsd(usage, prices[model] ?? prices[FALLBACK_TRANSCRIPTION_MODEL]),
            responses: 0,
            inputTokens: 0,
            outputTokens: 0,
            transcriptions: 1
        };
    }
    /** The most the call's next response can cost (model prices, its output cap, its last usage). */ nextResponseUsd(callId, session) {
        const cap = Number(session.max_output_tokens);
        return nextResponseCeilingUsd(this.calls.get(callId)?.lastUsage, this.modelPrices(session), Number.isInteger(cap) && cap > 0 ? cap : DEFAULT_MAX_OUTPUT_TOKENS);
    }
    modelPrices(session) {
        const { prices } = this.config.cost;
        return prices[String(session.model ?? 'gpt-realtime')] ?? prices['gpt-realtime'];
    }
}
RealtimePricing = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof GovernedCalls === "undefined" ? Object : GovernedCalls
    ])
], RealtimePricing);

//# sourceMappingURL=realtime-pricing.js.map