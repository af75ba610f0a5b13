import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { DecisionRow } from './pending-action.record.js';

export type Decision = 'approve' | 'reject';

/** One approver's decision on one action, as it is recorded. */
export interface NewDecision {
  readonly actionId: string;
  readonly approver: string;
  readonly decision: Decision;
  readonly comment: string | null;
  readonly digest: string | null;
}

/**
 * The only place the `action_decisions` table is read or written. Its primary key (action,
 * approver) makes each approver's decision on an action one row; writes run under the action's
 * row lock, taken by the caller's transaction.
 */
@Injectable()
export class ActionDecisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(decision: NewDecision, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO action_decisions (action_id, approver, decision, comment, digest) VALUES ($1, $2, $3, $4, $5)`,
      [decision.actionId, decision.approver, decision.decision, decision.comment, decision.digest],
    );
  }

  /** What `approver` decided on the action earlier, if anything. */
  async decisionOf(
    actionId: string,
    approver: string,
    tx: EntityManager,
  ): Promise<Decision | undefined> {
    const [previous] = (await tx.query(
      `SELECT decision FROM action_decisions WHERE action_id = $1 AND approver = $2`,
      [actionId, approver],
    )) as { decision: Decision }[];
    return previous?.decision;
  }

  /** Distinct approvers who approved the action so far (one row each). */
  async countApprovals(actionId: string, tx: EntityManager): Promise<number> {
    const [{ approvals }] = (await tx.query(
      `SELECT count(*)::int AS approvals FROM action_decisions WHERE action_id = $1 AND decision = 'approve'`,
      [actionId],
    )) as { approvals: number }[];
    return approvals;
  }

  /** The decisions on one action, in the order they were taken. */
  async forAction(actionId: string): Promise<DecisionRow[]> {
    return (await this.dataSource.query(
      `SELECT approver, decision, comment, at FROM action_decisions WHERE action_id = $1 ORDER BY at`,
      [actionId],
    )) as DecisionRow[];
  }

  /** The decisions on several actions, in the order they were taken, each with its action. */
  async forActions(actionIds: readonly string[]): Promise<(DecisionRow & { action_id: string })[]> {
    return (await this.dataSource.query(
      `SELECT action_id, approver, decision, comment, at FROM action_decisions
       WHERE action_id = ANY($1::text[]) ORDER BY at`,
      [actionIds],
    )) as (DecisionRow & { action_id: string })[];
  }
}
