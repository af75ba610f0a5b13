import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { visibilityScope, type VisibilityScope } from '../../common/auth/visibility-scope.js';
import { newId } from '../../common/ids.js';
import { WhereClause } from '../../database/where-clause.js';
import { AuditLog } from '../audit/index.js';
import { ApprovalGate, type ApprovalReceipt, type ApprovalSubmission } from './approval-gate.js';
import { argumentsDigest, redactInput } from '../tools/index.js';
import { ApprovalEvents } from './approval-events.js';
import { ActionNotFoundError } from './approvals.errors.js';
import type { DecisionRow, PendingActionRow } from './pending-action.record.js';

export interface ApprovalListQuery {
  /** What the caller may see; the filters below only narrow it. */
  readonly scope: VisibilityScope;
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
      await tx.query(
        `INSERT INTO pending_actions (id, tool, session_id, tool_call_id, requester, requester_roles,
           tenant_id, arguments, display_arguments, digest, policy, approver_roles, approvals_required,
           on_timeout, escalate_to, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                 now() + make_interval(secs => $16))`,
        [
          id,
          tool.name,
          session.id,
          toolCallId,
          actorOf(principal),
          principal.roles,
          principal.tenantId,
          JSON.stringify(args),
          JSON.stringify(display),
          argumentsDigest(tool.name, args),
          policy,
          rule.approverRoles,
          rule.approvers,
          rule.onTimeout,
          rule.escalateTo,
          rule.expiresInSeconds,
        ],
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
  async list(query: ApprovalListQuery) {
    const where = new WhereClause();
    const visible = query.scope.condition('tenant_id');
    if (visible) where.add(...visible);
    where
      .add('status = ?', query.status)
      .add('tool = ?', query.tool)
      .add('tenant_id = ?', query.tenantId)
      .add(
        '(created_at, id) > (SELECT created_at, id FROM pending_actions WHERE id = ?)',
        query.after,
      );
    const limit = where.next(query.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT * FROM pending_actions ${where.toSql()} ORDER BY created_at, id LIMIT ${limit}`,
      where.params,
    )) as PendingActionRow[];
    const page = rows.slice(0, query.limit);
    const decisions = (await this.dataSource.query(
      `SELECT action_id, approver, decision, comment, at FROM action_decisions
       WHERE action_id = ANY($1::text[]) ORDER BY at`,
      [page.map((row) => row.id)],
    )) as (DecisionRow & { action_id: string })[];
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
    const [row] = (await this.dataSource.query(`SELECT * FROM pending_actions WHERE id = $1`, [
      id,
    ])) as PendingActionRow[];
    if (!row || (viewer && !visibilityScope(viewer).allows(row.tenant_id)))
      throw new ActionNotFoundError(id);
    const decisions = (await this.dataSource.query(
      `SELECT approver, decision, comment, at FROM action_decisions WHERE action_id = $1 ORDER BY at`,
      [id],
    )) as DecisionRow[];
    return { row, decisions };
  }

  /** Every action a session asked for, for the app to show after the call. */
  async forSession(sessionId: string): Promise<PendingActionRow[]> {
    return (await this.dataSource.query(
      `SELECT * FROM pending_actions WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    )) as PendingActionRow[];
  }
}
