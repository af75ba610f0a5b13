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
export class ToolCallsModule {
}
ToolCallsModule = _ts_decorate([
    Module({
        controllers: [
            AdminToolCallsController,
            SessionActionsController,
            ToolCallsController
        ],
        exports: [
            ToolCallPipeline
        ],
        imports: [
            ApprovalsModule,
            AuditModule,
            LiveCallsModule,
            SessionsModule
        ],
        providers: [
            DirectCallRollbacks,
            SessionActions,
            ProposedToolCallsListener,
            ToolCallPipeline,
            ToolCallPolicy,
            ToolCallRelay,
            ToolCallRollback,
            ToolCallsRepository
        ]
    })
], ToolCallsModule);

//# sourceMappingURL=tool-calls.module.js.map