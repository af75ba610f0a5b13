import { Injectable } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';
import { ActionRollback, type RollbackOutcome, ActionNotFoundError } from '../approvals/index.js';
import { SessionsService } from '../sessions/index.js';
import { actionIdOf, ToolCallsRepository } from './tool-calls.repository.js';

/**
 * Rollback by the model's `call_id` within a session: the call is resolved to the action it
 * became (`tc_…` if it ran directly, `act_…` if it went through an approval), then rolled back
 * exactly as `POST /v1/admin/actions/{id}/rollback` would, with the same rules and errors.
 */
@Injectable()
export class ToolCallRollback {
  constructor(
    private readonly sessions: SessionsService,
    private readonly toolCalls: ToolCallsRepository,
    private readonly rollbacks: ActionRollback,
  ) {}

  async rollback(
    principal: Principal,
    sessionId: string,
    callId: string,
    reason: string,
  ): Promise<RollbackOutcome> {
    // A session outside the caller's scope is "not found", like one that does not exist.
    await this.sessions.getVisible(principal, sessionId);
    const row = await this.toolCalls.find(sessionId, callId);
    if (!row) throw ActionNotFoundError.forToolCall(sessionId, callId);
    return this.rollbacks.rollback(principal, actionIdOf(row), reason);
  }
}
