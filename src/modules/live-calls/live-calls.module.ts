import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/index.js';
import { GptLiveModule } from '../gpt-live/index.js';
import { MetricsModule } from '../metrics/index.js';
import { RealtimeModule } from '../realtime/index.js';
import { SessionsModule } from '../sessions/index.js';
import { VoiceConversation } from '../voice/index.js';
import { ChargesInFlight } from './charges-in-flight.js';
import { CostMeter } from './cost-meter.js';
import { IdleTimers } from './idle-timers.js';
import { LiveCallStates } from './gpt-live/live-call-state.js';
import { LiveConversation } from './gpt-live/live-conversation.js';
import { LiveObservation } from './gpt-live/live-observation.js';
import { LivePricing } from './gpt-live/live-pricing.js';
import { LiveSessionGuard } from './gpt-live/live-session-guard.js';
import { GovernedCalls } from './realtime/governed-calls.js';
import { LatencyMeter } from './latency-meter.js';
import { RealtimeConversation } from './realtime/realtime-conversation.js';
import { RealtimePricing } from './realtime/realtime-pricing.js';
import { ResponseBudget } from './response-budget.js';
import { ServerResponses } from './realtime/server-responses.js';
import { SessionTimers } from './session-timers.js';
import { SessionTranscripts } from './realtime/session-transcripts.js';
import { SessionTranscriptsRepository } from './session-transcripts.repository.js';
import { TamperGuard } from './realtime/tamper-guard.js';
import { VoiceConversationRouter } from './voice-conversation-router.js';

/**
 * Governing and observing a call while it runs, on the replica that holds its control channel:
 * what it costs (CostMeter, ResponseBudget), that nobody but Switchboard speaks as the system or
 * answers a tool (TamperGuard), the one way a response is started (ServerResponses), its duration
 * cap (SessionTimers), and what it sounds like (LatencyMeter, SessionTranscripts). What reads
 * the Realtime protocol lives in `realtime/`, what reads GPT-Live's in `gpt-live/` (each
 * adapter's half, with its `VoiceConversation`; `VoiceConversationRouter` is the port); the rest
 * hears only `VoiceEvents`.
 */
@Module({
  exports: [
    GovernedCalls,
    LatencyMeter,
    LiveObservation,
    ServerResponses,
    SessionTranscripts,
    VoiceConversation,
  ],
  imports: [AuditModule, GptLiveModule, MetricsModule, RealtimeModule, SessionsModule],
  providers: [
    ChargesInFlight,
    CostMeter,
    GovernedCalls,
    IdleTimers,
    LatencyMeter,
    LiveCallStates,
    LiveConversation,
    LiveObservation,
    LivePricing,
    LiveSessionGuard,
    RealtimeConversation,
    RealtimePricing,
    ResponseBudget,
    ServerResponses,
    SessionTimers,
    SessionTranscripts,
    SessionTranscriptsRepository,
    TamperGuard,
    VoiceConversationRouter,
    { provide: VoiceConversation, useExisting: VoiceConversationRouter },
  ],
})
export class LiveCallsModule {}
