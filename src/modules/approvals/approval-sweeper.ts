import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditLog, type AuditAction } from '../audit/index.js';
import { ToolRegistry } from '../tools/index.js';
import { ActionDelivery } from './action-delivery.js';
import { ApprovalEvents, type ApprovalEventType } from './approval-events.js';

interface Transition {
  readonly action: AuditAction;
  readonly event: ApprovalEventType;
  /** One UPDATE … RETURNING id, tool, status, tenant_id: atomic against decisions and other replicas. */
  readonly sql: string;
  readonly params?: () => unknown[];
  /** Tell the live session (the outcome is final). */
  readonly deliver: boolean;
}

/**
 * Time-driven transitions, each one SQL statement that only touches rows still in the expected
 * state, so they race decisions (which lock the row) to exactly one winner:
 * expiry with its fallback (escalate once to `escalateTo` roles, or reject), cancellation when the
 * session was revoked, and recovery of executions whose worker died.
 */
@Injectable()
export class ApprovalSweeper {
  private readonly transitions: Transition[] = [
    {
      action: 'approval.escalated',
      event: 'approval.escalated',
      sql: `UPDATE pending_actions SET escalated = true, approver_roles = escalate_to,
              expires_at = now() + (expires_at - created_at)
            WHERE status = 'pending' AND expires_at < now() AND on_timeout = 'escalate'
              AND NOT escalated AND cardinality(escalate_to) > 0
            RETURNING id, tool, status, tenant_id`,
      deliver: false,
    },
    {
      action: 'approval.expired',
      event: 'approval.decided',
      sql: `UPDATE pending_actions SET status = 'expired', decided_at = now(),
              status_reason = 'no decision before it expired'
            WHERE status = 'pending' AND expires_at < now()
            RETURNING id, tool, status, tenant_id`,
      deliver: true,
    },
    {
      action: 'approval.cancelled',
      event: 'approval.decided',
      sql: `UPDATE pending_actions p SET status = 'cancelled', decided_at = now(),
              status_reason = 'session revoked'
            FROM sessions s
            WHERE p.session_id = s.id AND p.status = 'pending' AND s.state = 'revoked'
            RETURNING p.id, p.tool, p.status, p.tenant_id`,
      deliver: false,
    },
    {
      action: 'action.recovered',
      event: 'action.settled',
      // Idempotent tools are put back to run again with the same key; others fail, never rerun.
      sql: `UPDATE pending_actions SET
              status = CASE WHEN tool = ANY($1::text[]) THEN 'approved' ELSE 'failed' END,
              status_reason = CASE WHEN tool = ANY($1::text[])
                THEN 'resumed after an interrupted execution'
                ELSE 'interrupted during execution; not retried because the tool is not idempotent' END,
              error = CASE WHEN tool = ANY($1::text[]) THEN NULL
                ELSE '{"code":"EXECUTION_INTERRUPTED","message":"The execution was interrupted."}'::jsonb END,
              claimed_by = NULL, lease_expires_at = NULL
            WHERE status = 'executing' AND lease_expires_at < now()
            RETURNING id, tool, status, tenant_id`,
      params: () => [
        this.registry
          .all()
          .filter((tool) => tool.idempotent)
          .map((tool) => tool.name),
      ],
      deliver: true,
    },
  ];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly events: ApprovalEvents,
    private readonly delivery: ActionDelivery,
    private readonly registry: ToolRegistry,
  ) {}

  async sweep(): Promise<void> {
    for (const transition of this.transitions) await this.apply(transition);
  }

  private async apply(transition: Transition): Promise<void> {
    const changed = await this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(transition.sql, transition.params?.() ?? [])) as [
        { id: string; tool: string; status: string; tenant_id: string | null }[],
        number,
      ];
      for (const row of rows)
        await this.audit.append(
          {
            actor: 'system',
            action: transition.action,
            subject: row.id,
            data: { tool: row.tool, status: row.status },
          },
          tx,
        );
      return rows;
    });
    for (const row of changed) {
      await this.events.publish({
        type: transition.event,
        actionId: row.id,
        tool: row.tool,
        status: row.status,
        tenantId: row.tenant_id,
      });
      if (transition.deliver && row.status !== 'approved') await this.delivery.deliver(row.id);
    }
  }
}
