import { Module } from '@nestjs/common';

import { ApprovalsModule } from '../approvals/approvals.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { SidebandToolCalls } from './sideband-tool-calls.js';
import { ToolCallPipeline } from './tool-call.pipeline.js';
import { ToolCallStore } from './tool-call.store.js';
import { ToolCallsController } from './tool-calls.controller.js';

/** The governed tool pipeline: model proposes, Switchboard validates, authorizes, executes, audits. */
@Module({
  controllers: [ToolCallsController],
  exports: [ToolCallPipeline],
  imports: [ApprovalsModule, AuditModule, RealtimeModule, SessionsModule],
  providers: [SidebandToolCalls, ToolCallPipeline, ToolCallStore],
})
export class ToolCallsModule {}
