import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/index.js';
import { MetricsModule } from '../metrics/index.js';
import { RealtimeModule } from '../realtime/index.js';
import { SessionsModule } from '../sessions/index.js';
import { CostMeter } from './cost-meter.js';
import { GovernedCalls } from './governed-calls.js';
import { LatencyMeter } from './latency-meter.js';
import { ResponseBudget } from './response-budget.js';
import { ServerResponses } from './server-responses.js';
import { SessionTimers } from './session-timers.js';
import { SessionTranscripts } from './session-transcripts.js';
import { SessionTranscriptsRepository } from './session-transcripts.repository.js';
import { TamperGuard } from './tamper-guard.js';

/**
 * Governing and observing a call while it runs, on the replica that holds its control channel:
 * what it costs (CostMeter, ResponseBudget), that nobody but Switchboard speaks as the system or
 * answers a tool (TamperGuard), the one way a response is started (ServerResponses), its duration
 * cap (SessionTimers), and what it sounds like (LatencyMeter, SessionTranscripts).
 */
@Module({
  exports: [LatencyMeter, ServerResponses, SessionTranscripts],
  imports: [AuditModule, MetricsModule, RealtimeModule, SessionsModule],
  providers: [
    CostMeter,
    GovernedCalls,
    LatencyMeter,
    ResponseBudget,
    ServerResponses,
    SessionTimers,
    SessionTranscripts,
    SessionTranscriptsRepository,
    TamperGuard,
  ],
})
export class LiveCallsModule {}
