import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { DomainError } from '../../common/errors/domain.error.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { parseToolArguments } from '../tools/tool-arguments.js';
import { runWithTimeout } from '../tools/tool-execution.js';
import { ToolRegistry } from '../tools/tool.registry.js';
import type { RegisteredTool } from '../tools/registered-tool.js';
import { ApprovalEvents } from './approval-events.js';
import {
  ActionNotFoundError,
  IrreversibleActionError,
  RollbackNotPossibleError,
} from './approvals.errors.js';
import { executedActions, type ExecutedAction } from './executed-actions.js';

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
  private readonly logger = new Logger(ActionRollback.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ToolRegistry,
    private readonly audit: AuditLog,
    private readonly events: ApprovalEvents,
  ) {}

  async rollback(principal: Principal, id: string, reason: string): Promise<RollbackOutcome> {
    const table = executedActions(id);
    const action = table && (await table.find(this.dataSource, id));
    if (!table || !action || !visibilityScope(principal).allows(action.requester.tenantId))
      throw new ActionNotFoundError(id);
    const tool = this.registry.get(action.tool);
    if (!tool || tool.reversibility === 'irreversible' || !tool.handler.compensate)
      throw new IrreversibleActionError(action.tool);
    if (action.state !== 'executed') throw new RollbackNotPossibleError(id, action.state);
    const actor = actorOf(principal);
    if (tool.rollbackApproval) {
      const requestedBy = await table.requestRollback(this.dataSource, id, actor, reason);
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
    if (
      !(await table.claimRollback(
        this.dataSource,
        id,
        reason,
        tool.rollbackApproval ? actor : null,
      ))
    )
      throw new RollbackNotPossibleError(
        id,
        (await table.find(this.dataSource, id))?.state ?? 'unknown',
      );
    return this.compensate(principal, table, action, tool, reason);
  }

  private async compensate(
    principal: Principal,
    table: NonNullable<ReturnType<typeof executedActions>>,
    action: ExecutedAction,
    tool: RegisteredTool,
    reason: string,
  ): Promise<RollbackOutcome> {
    let outcome: RollbackOutcome;
    try {
      const parsed = await parseToolArguments(tool.input, JSON.stringify(action.arguments));
      if (!parsed.ok)
        throw new Error('the recorded arguments no longer pass the tool input checks');
      const result = await runWithTimeout(tool.timeoutMs, `${tool.name} compensation`, (signal) =>
        tool.handler.compensate!(parsed.input, action.result, {
          principal: action.requester,
          tenantId: action.requester.tenantId,
          sessionId: action.sessionId,
          callId: null,
          toolCallId: action.toolCallId,
          idempotencyKey: `${action.id}:rollback`,
          signal,
          logger: new Logger(`tool:${tool.name}`),
        }),
      );
      outcome = { id: action.id, tool: tool.name, status: 'rolled_back', result: result ?? null };
    } catch (thrown) {
      const error =
        thrown instanceof DomainError
          ? { code: thrown.code, message: thrown.message }
          : { code: 'ROLLBACK_FAILED', message: 'The compensation failed; see the server log.' };
      if (!(thrown instanceof DomainError))
        this.logger.error(
          { actionId: action.id, err: (thrown as Error)?.message },
          'Compensation failed',
        );
      outcome = { id: action.id, tool: tool.name, status: 'rollback_failed', error };
    }
    await this.dataSource.transaction(async (tx) => {
      await table.finishRollback(
        tx,
        action.id,
        outcome.status === 'rolled_back',
        outcome.result ?? outcome.error,
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
