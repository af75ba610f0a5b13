import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/index.js';
import { MetricsModule } from '../metrics/index.js';
import { RealtimeModule } from '../realtime/index.js';
import { AdminSessionsController } from './admin-sessions.controller.js';
import { CostMeter } from './cost-meter.js';
import { GovernedCalls } from './governed-calls.js';
import { LatencyMeter } from './latency-meter.js';
import { ResponseBudget } from './response-budget.js';
import { ServerResponses } from './server-responses.js';
import { SessionConnector } from './session-connector.js';
import { SessionEndNotifier } from './session-end-notifier.js';
import { SessionTimers } from './session-timers.js';
import { SessionTranscripts } from './session-transcripts.js';
import { SessionTranscriptsRepository } from './session-transcripts.repository.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { SidebandLeases } from './sideband-leases.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';
import { TamperGuard } from './tamper-guard.js';

/** Open, connect (proxy or ephemeral), limit and end Realtime sessions. */
@Module({
  controllers: [AdminSessionsController, SessionsController],
  exports: [LatencyMeter, ServerResponses, SessionTranscripts, SessionsService],
  imports: [AuditModule, MetricsModule, RealtimeModule],
  providers: [
    CostMeter,
    GovernedCalls,
    LatencyMeter,
    ResponseBudget,
    ServerResponses,
    SessionConnector,
    SessionEndNotifier,
    SessionTimers,
    SessionTranscripts,
    SessionTranscriptsRepository,
    SessionsRepository,
    SessionsService,
    SidebandLeases,
    SidebandLeasesRepository,
    TamperGuard,
  ],
})
export class SessionsModule {}
