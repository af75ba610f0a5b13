import { Injectable, type OnModuleInit } from '@nestjs/common';

import { storedPrincipal } from '../../common/auth/principal.js';
import { ExecutedActions, type ExecutedActionTable } from '../approvals/index.js';
import { SessionsService } from '../sessions/index.js';
import { ToolCallsRepository } from './tool-calls.repository.js';

/**
 * Calls that ran without an approval are recorded in `tool_calls` (`tc_…`). This hands their
 * rollback steps to approvals' `ActionRollback`, which applies the same rules to both kinds, so the
 * approvals module never reads this module's table.
 */
@Injectable()
export class DirectCallRollbacks implements ExecutedActionTable, OnModuleInit {
  constructor(
    private readonly executed: ExecutedActions,
    private readonly toolCalls: ToolCallsRepository,
    private readonly sessions: SessionsService,
  ) {}

  onModuleInit(): void {
    this.executed.register('tc_', this);
  }

  async find(id: string) {
    const row = await this.toolCalls.findById(id);
    if (!row) return undefined;
    // The requester's roles are the session's (a call has no roles of its own).
    const session = await this.sessions.find(row.session_id);
    return {
      id: row.id,
      tool: row.tool,
      arguments: row.arguments ?? {},
      result: row.output?.result ?? null,
      requester: storedPrincipal({
        actor: `user:${row.user_id}`,
        tenantId: row.tenant_id,
        roles: session?.roles ?? [],
      }),
      sessionId: row.session_id,
      toolCallId: row.tool_call_id,
      state: row.status === 'succeeded' ? (row.rollback_status ?? 'executed') : row.status,
    };
  }

  requestRollback(id: string, actor: string, reason: string) {
    return this.toolCalls.requestRollback(id, actor, reason);
  }

  claimRollback(id: string, reason: string, confirmer: string | null) {
    return this.toolCalls.startRollback(id, reason, confirmer);
  }

  finishRollback(...args: Parameters<ToolCallsRepository['finishRollback']>) {
    return this.toolCalls.finishRollback(...args);
  }
}
