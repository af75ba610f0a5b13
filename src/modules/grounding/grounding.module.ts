import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/index.js';
import { GptLiveModule } from '../gpt-live/index.js';
import { KnowledgeModule } from '../knowledge/index.js';
import { LiveCallsModule } from '../live-calls/index.js';
import { MetricsModule } from '../metrics/index.js';
import { RealtimeModule } from '../realtime/index.js';
import { SessionsModule } from '../sessions/index.js';
import { GroundingContexts } from './grounding-contexts.js';
import { GroundingDetail } from './grounding-detail.js';
import { GroundingLedger } from './grounding-ledger.js';
import { GroundingWithdrawals } from './grounding-withdrawals.js';
import { LiveGrounding } from './live-grounding.js';
import { RealtimeAnswers } from './realtime-answers.js';
import { RealtimeGrounding } from './realtime-grounding.js';
import { SearchKnowledgeTool } from './search-knowledge.tool.js';
import { SessionGroundingsRepository } from './session-groundings.repository.js';
import { TurnRetrieval } from './turn-retrieval.js';

/**
 * Knowledge in live calls: the `search_knowledge` tool, grounding before responses (Realtime)
 * or as the caller speaks (GPT-Live), withdrawal of text that stopped being current, and the
 * provenance of every block given. It sits between the knowledge store and the live calls, so
 * neither depends on the other.
 */
@Module({
  exports: [GroundingWithdrawals],
  imports: [
    AuditModule,
    GptLiveModule,
    KnowledgeModule,
    LiveCallsModule,
    MetricsModule,
    RealtimeModule,
    SessionsModule,
  ],
  providers: [
    GroundingContexts,
    GroundingDetail,
    GroundingLedger,
    GroundingWithdrawals,
    LiveGrounding,
    RealtimeAnswers,
    RealtimeGrounding,
    SearchKnowledgeTool,
    SessionGroundingsRepository,
    TurnRetrieval,
  ],
})
export class GroundingModule {}
