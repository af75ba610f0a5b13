import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditLog, type AuditAction } from '../audit/index.js';
import { ToolRegistry } from '../tools/index.js';
import { ActionDelivery } from './action-delivery.js';
import { ApprovalEvents, type ApprovalEventType } from './approval-events.js';
import { PendingActionsRepository, type SweptAction } from './pending-actions.repository.js';

interface Transition {
  readonly action: AuditAction;
  readonly event: ApprovalEventType;
  /** One conditional UPDATE in the repository: atomic against decisions and other replicas. */
  readonly change: (tx: EntityManager) => Promise<SweptAction[]>;
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
      change: (tx) => this.actions.escalateOverdue(tx),
      deliver: false,
    },
    {
      action: 'approval.expired',
      event: 'approval.decided',
      change: (tx) => this.actions.expireOverdue(tx),
      deliver: true,
    },
    {
      action: 'approval.cancelled',
      event: 'approval.decided',
      change: (tx) => this.actions.cancelForRevokedSessions(tx),
      deliver: false,
    },
    {
      action: 'action.recovered',
      event: 'action.settled',
      change: (tx) => this.actions.recoverLapsedExecutions(this.idempotentTools(), tx),
      deliver: true,
    },
  ];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: PendingActionsRepository,
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
      const rows = await transition.change(tx);
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

  /** Their lapsed executions may run again (with the same idempotency key). */
  private idempotentTools(): string[] {
    return this.registry
      .all()
      .filter((tool) => tool.idempotent)
      .map((tool) => tool.name);
  }
}
