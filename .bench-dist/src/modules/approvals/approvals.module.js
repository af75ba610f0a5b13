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
export class ApprovalsModule {
}
ApprovalsModule = _ts_decorate([
    Module({
        controllers: [
            AdminActionsController,
            AdminApprovalsController
        ],
        exports: [
            ActionRollback,
            ApprovalGate,
            ApprovalQueue,
            ExecutedActions
        ],
        imports: [
            AuditModule,
            LiveCallsModule,
            SessionsModule
        ],
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
            {
                provide: ApprovalGate,
                useExisting: ApprovalQueue
            }
        ]
    })
], ApprovalsModule);

//# sourceMappingURL=approvals.module.js.map