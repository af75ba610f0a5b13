import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/index.js';
import { LiveCallsModule } from '../live-calls/index.js';
import { SessionsModule } from '../sessions/index.js';
import { ApprovalGate } from './approval-gate.js';
import { ActionDecisionsRepository } from './action-decisions.repository.js';
import { ActionDelivery } from './action-delivery.js';
import { ActionRollback } from './action-rollback.js';
import { AdminActionsController } from './admin-actions.controller.js';
import { AdminApprovalsController } from './admin-approvals.controller.js';
import { ApprovalDecisions } from './approval-decisions.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalQueue } from './approval-queue.js';
import { ApprovalViews } from './approval-views.js';
import { ApprovalSweeper } from './approval-sweeper.js';
import { ApprovalWorker } from './approval-worker.js';
import { ExecutedActions } from './executed-actions.js';
import { PendingActionsRepository } from './pending-actions.repository.js';

/**
 * Tool calls that wait for people: the durable queue (the pipeline's approval gate), decisions,
 * the exactly-once worker, expiry and recovery, the voice loop, rollback, and the approvers' API.
 */
@Module({
  controllers: [AdminActionsController, AdminApprovalsController],
  exports: [ActionRollback, ApprovalGate, ApprovalQueue, ExecutedActions],
  imports: [AuditModule, LiveCallsModule, SessionsModule],
  providers: [
    ActionDecisionsRepository,
    ActionDelivery,
    ActionRollback,
    ApprovalDecisions,
    ApprovalEvents,
    ApprovalQueue,
    ApprovalViews,
    ApprovalSweeper,
    ApprovalWorker,
    ExecutedActions,
    PendingActionsRepository,
    { provide: ApprovalGate, useExisting: ApprovalQueue },
  ],
})
export class ApprovalsModule {}
