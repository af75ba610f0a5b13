import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/index.js';
import { SessionsModule } from '../sessions/index.js';
import { SessionEventsController } from './session-events.controller.js';
import { SessionEvents } from './session-events.service.js';

/**
 * What a caller's page learns of its own session, from the audit chain: the browser client
 * listens here instead of executing or guessing anything itself.
 */
@Module({
  controllers: [SessionEventsController],
  imports: [AuditModule, SessionsModule],
  providers: [SessionEvents],
})
export class SessionEventsModule {}
