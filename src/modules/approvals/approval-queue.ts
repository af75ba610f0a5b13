import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { newId } from '../../common/ids.js';
import { WhereClause } from '../../database/where-clause.js';
import { AuditLog } from '../audit/index.js';
import { ApprovalGate, type ApprovalReceipt, type ApprovalSubmission } from './approval-gate.js';
import { argumentsDigest, redactInput } from '../tools/index.js';
import { ApprovalEvents } from './approval-events.js';
import { ActionDecisionsRepository } from './action-decisions.repository.js';
import { ActionNotFoundError } from './approvals.errors.js';
import type { DecisionRow, PendingActionRow } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';

/** Filters of the approvers' list; they only narrow what the caller may see. */
export interface ApprovalListQuery {
  readonly status?: string;
  readonly tool?: string;
  readonly tenantId?: string;
  readonly after?: string;
  readonly limit: number;
}

/** What the model may say while a person decides. */
const INTERIM_MESSAGE =
  'This needs a person to approve it. I have sent it for approval; you will hear the outcome.';

/**
 * The durable queue of tool calls waiting for people. `submit` is the tool pipeline's approval
 * gate: the call becomes a pending action (exact arguments to run later, a redacted copy to show,
 * the digest approvers quote) and the model gets a short interim output to say aloud.
 */
@Injectable()
export class ApprovalQueue extends ApprovalGate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: PendingActionsRepository,
    private readonly decisions: ActionDecisionsRepository,
    private readonly audit: AuditLog,
    private readonly events: ApprovalEvents,
  ) {
    super();
  }

  async submit({
    tool,
    arguments: args,
    principal,
    session,
    toolCallId,
  }: ApprovalSubmission): Promise<ApprovalReceipt> {
    const rule = tool.approval!;
    const id = newId('act');
    const display = redactInput(args, tool.redact) as Record<string, unknown>;
    const policy = `${tool.name}: ${typeof rule.when === 'function' ? 'approval predicate matched' : 'always needs approval'}`;
    await this.dataSource.transaction(async (tx) => {
      await this.actions.insert(
        {
          id,
          tool: tool.name,
          sessionId: session.id,
          toolCallId,
          requester: actorOf(principal),
          requesterRoles: principal.roles,
          tenantId: principal.tenantId,
          arguments: args,
          displayArguments: display,
          digest: argumentsDigest(tool.name, args),
          policy,
          approverRoles: rule.approverRoles,
          approvalsRequired: rule.approvers,
          onTimeout: rule.onTimeout,
          escalateTo: rule.escalateTo,
          expiresInSeconds: rule.expiresInSeconds,
        },
        tx,
      );
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: 'approval.requested',
          subject: id,
          data: { tool: tool.name, sessionId: session.id, toolCallId, arguments: display, policy },
        },
        tx,
      );
    });
    await this.events.publish({
      type: 'approval.created',
      actionId: id,
      tool: tool.name,
      status: 'pending',
      tenantId: principal.tenantId,
    });
    return { actionId: id, message: INTERIM_MESSAGE };
  }

  /** Oldest first, so the queue is worked in order. */
  async list(viewer: Principal, query: ApprovalListQuery) {
    const where = new WhereClause();
    const visible = visibilityScope(viewer).condition('tenant_id');
    if (visible) where.add(...visible);
    where
      .add('status = ?', query.status)
      .add('tool = ?', query.tool)
      .add('tenant_id = ?', query.tenantId)
      .add(PendingActionsRepository.AFTER, query.after);
    const rows = await this.actions.list(where, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const decisions = await this.decisions.forActions(page.map((row) => row.id));
    const items = page.map((row) => ({
      row,
      decisions: decisions.filter((d) => d.action_id === row.id),
    }));
    return { items, nextCursor: rows.length > query.limit ? page.at(-1)!.id : null };
  }

  async get(
    id: string,
    viewer?: Principal,
  ): Promise<{ row: PendingActionRow; decisions: DecisionRow[] }> {
    const row = await this.actions.find(id);
    if (!row || (viewer && !visibilityScope(viewer).allows(row.tenant_id)))
      throw new ActionNotFoundError(id);
    const decisions = await this.decisions.forAction(id);
    return { row, decisions };
  }

  /** Every action a session asked for, for the app to show after the call. */
  async forSession(sessionId: string): Promise<PendingActionRow[]> {
    return this.actions.forSession(sessionId);
  }
}
