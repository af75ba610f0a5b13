import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { AuditModule } from '../audit/index.js';
import { GptLiveModule } from '../gpt-live/index.js';
import { LiveCallsModule } from '../live-calls/index.js';
import { SessionsModule } from '../sessions/index.js';
import { ToolCallsModule } from '../tool-calls/index.js';
import { ClientDelegations } from './client-delegations.js';
import { DelegationHandlers } from './delegation-handlers.js';

/**
 * GPT-Live client delegation: the application's own handlers (`@DelegationHandlerFor`) do the
 * delegated work of profiles that name one, with the session's governed tools.
 */
@Module({
  imports: [
    AuditModule,
    DiscoveryModule,
    GptLiveModule,
    LiveCallsModule,
    SessionsModule,
    ToolCallsModule,
  ],
  providers: [ClientDelegations, DelegationHandlers],
})
export class DelegationsModule {}
