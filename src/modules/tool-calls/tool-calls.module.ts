import { Module } from '@nestjs/common';

import { ApprovalsModule } from '../approvals/index.js';
import { AuditModule } from '../audit/index.js';
import { LiveCallsModule } from '../live-calls/index.js';
import { SessionsModule } from '../sessions/index.js';
import { AdminToolCallsController } from './admin-tool-calls.controller.js';
import { DirectCallRollbacks } from './direct-call-rollbacks.js';
import { SessionActions } from './session-actions.js';
import { SessionActionsController } from './session-actions.controller.js';
import { ProposedToolCallsListener } from './proposed-tool-calls.listener.js';
import { ToolCallRelay } from './tool-call-relay.js';
import { ToolCallRollback } from './tool-call-rollback.js';
import { ToolCallPipeline } from './tool-call.pipeline.js';
import { ToolCallPolicy } from './tool-call.policy.js';
import { ToolCallsRepository } from './tool-calls.repository.js';
import { ToolCallsController } from './tool-calls.controller.js';

/**
 * The governed tool pipeline: model proposes, Switchboard validates, authorizes, executes, audits.
 * Also what a session's calls became (its action list) and their rollback by `call_id`.
 */
@Module({
  controllers: [AdminToolCallsController, SessionActionsController, ToolCallsController],
  exports: [ToolCallPipeline],
  imports: [ApprovalsModule, AuditModule, LiveCallsModule, SessionsModule],
  providers: [
    DirectCallRollbacks,
    SessionActions,
    ProposedToolCallsListener,
    ToolCallPipeline,
    ToolCallPolicy,
    ToolCallRelay,
    ToolCallRollback,
    ToolCallsRepository,
  ],
})
export class ToolCallsModule {}
