import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { DomainError } from '../../common/errors/domain.error.js';
import { AuditLog } from '../audit/index.js';
import { ToolRegistry, ToolRunner, type RegisteredTool } from '../tools/index.js';
import { ApprovalEvents } from './approval-events.js';
import {
  ActionNotFoundError,
  IrreversibleActionError,
  RollbackNotPossibleError,
} from './approvals.errors.js';
import {
  ExecutedActions,
  type ExecutedAction,
  type ExecutedActionTable,
} from './executed-actions.js';

export interface RollbackOutcome {
  readonly id: string;
  readonly tool: string;
  readonly status: 'rolled_back' | 'rollback_failed' | 'rollback_requested';
  readonly result?: unknown;
  readonly error?: { code: string; message: string };
}

/**
 * Undoes an executed action through its tool's `compensate`, with the recorded input and result.
 * At most once: one UPDATE claims the rollback. Irreversible tools refuse. A tool declared
 * `rollbackApproval` needs two people: the first call records the request, a second approver
 * confirms it with the same call.
 */
@Injectable()
export class ActionRollback {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly executed: ExecutedActions,
    private readonly registry: ToolRegistry,
    private readonly audit: AuditLog,
    private readonly events: ApprovalEvents,
    private readonly runner: ToolRunner,
  ) {}

  async rollback(principal: Principal, id: string, reason: string): Promise<RollbackOutcome> {
    const table = this.executed.tableOf(id);
    const action = table && (await table.find(id));
    if (!table || !action || !visibilityScope(principal).allows(action.requester.tenantId))
      throw new ActionNotFoundError(id);
    const tool = this.registry.get(action.tool);
    if (!tool || tool.reversibility === 'irreversible' || !tool.handler.compensate)
      throw new IrreversibleActionError(action.tool);
    if (action.state !== 'executed') throw new RollbackNotPossibleError(id, action.state);
    const actor = actorOf(principal);
    if (tool.rollbackApproval) {
      const requestedBy = await table.requestRollback(id, actor, reason);
      if (requestedBy === actor) {
        await this.audit.append({
          actor,
          action: 'action.rollback_requested',
          subject: id,
          data: { tool: tool.name, reason },
        });
        return { id, tool: tool.name, status: 'rollback_requested' };
      }
      if (!requestedBy) throw new RollbackNotPossibleError(id, action.state);
    }
    if (!(await table.claimRollback(id, reason, tool.rollbackApproval ? actor : null)))
      throw new RollbackNotPossibleError(id, (await table.find(id))?.state ?? 'unknown');
    return this.compensate(principal, table, action, tool, reason);
  }

  private async compensate(
    principal: Principal,
    table: ExecutedActionTable,
    action: ExecutedAction,
    tool: RegisteredTool,
    reason: string,
  ): Promise<RollbackOutcome> {
    let outcome: RollbackOutcome;
    try {
      const input = await this.runner.storedInput(tool, action.arguments);
      const result = await this.runner.run(
        tool,
        input,
        {
          principal: action.requester,
          sessionId: action.sessionId,
          callId: null,
          toolCallId: action.toolCallId,
          idempotencyKey: `${action.id}:rollback`,
        },
        { kind: 'compensate', result: action.result },
      );
      outcome = { id: action.id, tool: tool.name, status: 'rolled_back', result: result ?? null };
    } catch (thrown) {
      // The runner throws typed errors only; it has logged anything unexpected.
      const error = thrown as DomainError;
      outcome = {
        id: action.id,
        tool: tool.name,
        status: 'rollback_failed',
        error: { code: error.code, message: error.message },
      };
    }
    await this.dataSource.transaction(async (tx) => {
      await table.finishRollback(
        action.id,
        outcome.status === 'rolled_back',
        outcome.result ?? outcome.error,
        tx,
      );
      await this.audit.append(
        {
          actor: actorOf(principal),
          action:
            outcome.status === 'rolled_back' ? 'action.rolled_back' : 'action.rollback_failed',
          subject: action.id,
          data: { tool: tool.name, reason, ...(outcome.error ? { code: outcome.error.code } : {}) },
        },
        tx,
      );
    });
    await this.events.publish({
      type: 'action.rolled_back',
      actionId: action.id,
      tool: tool.name,
      status: outcome.status,
      tenantId: action.requester.tenantId,
    });
    return outcome;
  }
}
