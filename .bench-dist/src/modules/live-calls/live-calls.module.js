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
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { MetricsModule } from '../metrics/index.js';
import { RealtimeModule } from '../realtime/index.js';
import { SessionsModule } from '../sessions/index.js';
import { VoiceConversation } from '../voice/index.js';
import { ChargesInFlight } from './charges-in-flight.js';
import { CostMeter } from './cost-meter.js';
import { GovernedCalls } from './realtime/governed-calls.js';
import { LatencyMeter } from './realtime/latency-meter.js';
import { RealtimeConversation } from './realtime/realtime-conversation.js';
import { RealtimePricing } from './realtime/realtime-pricing.js';
import { ResponseBudget } from './response-budget.js';
import { ServerResponses } from './realtime/server-responses.js';
import { SessionTimers } from './session-timers.js';
import { SessionTranscripts } from './realtime/session-transcripts.js';
import { SessionTranscriptsRepository } from './session-transcripts.repository.js';
import { TamperGuard } from './realtime/tamper-guard.js';
export class LiveCallsModule {
}
LiveCallsModule = _ts_decorate([
    Module({
        exports: [
            LatencyMeter,
            SessionTranscripts,
            VoiceConversation
        ],
        imports: [
            AuditModule,
            MetricsModule,
            RealtimeModule,
            SessionsModule
        ],
        providers: [
            ChargesInFlight,
            CostMeter,
            GovernedCalls,
            LatencyMeter,
            RealtimeConversation,
            RealtimePricing,
            ResponseBudget,
            ServerResponses,
            SessionTimers,
            SessionTranscripts,
            SessionTranscriptsRepository,
            TamperGuard,
            {
                provide: VoiceConversation,
                useExisting: RealtimeConversation
            }
        ]
    })
], LiveCallsModule);

//# sourceMappingURL=live-calls.module.js.map