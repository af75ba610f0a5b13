import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/index.js';
import { AdminSessionsController } from './admin-sessions.controller.js';
import { SessionConnector } from './session-connector.js';
import { SessionDetailSections } from './session-detail-sections.js';
import { SessionEndNotifier } from './session-end-notifier.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { SidebandLeases } from './sideband-leases.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';

/**
 * A session's lifecycle: open (atomic admission), connect (proxy or ephemeral), hold its control
 * channel on one replica (leases), end. Governing the live call is the live-calls module's job.
 */
@Module({
  controllers: [AdminSessionsController, SessionsController],
  exports: [SessionDetailSections, SessionLifecycle, SessionsRepository, SessionsService],
  imports: [AuditModule],
  providers: [
    SessionConnector,
    SessionDetailSections,
    SessionEndNotifier,
    SessionLifecycle,
    SessionsRepository,
    SessionsService,
    SidebandLeases,
    SidebandLeasesRepository,
  ],
})
export class SessionsModule {}
