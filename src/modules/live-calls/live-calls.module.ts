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

/**
 * Governing and observing a call while it runs, on the replica that holds its control channel:
 * what it costs (CostMeter, ResponseBudget), that nobody but Switchboard speaks as the system or
 * answers a tool (TamperGuard), the one way a response is started (ServerResponses), its duration
 * cap (SessionTimers), and what it sounds like (LatencyMeter, SessionTranscripts). What reads
 * the Realtime protocol lives in `realtime/` (the adapter's half, including `RealtimeConversation`,
 * bound as the `VoiceConversation` port); the rest hears only `VoiceEvents`.
 */
@Module({
  exports: [LatencyMeter, SessionTranscripts, VoiceConversation],
  imports: [AuditModule, MetricsModule, RealtimeModule, SessionsModule],
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
    { provide: VoiceConversation, useExisting: RealtimeConversation },
  ],
})
export class LiveCallsModule {}
