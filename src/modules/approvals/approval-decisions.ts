import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { AuditLog } from '../audit/index.js';
import { ActionDecisionsRepository, type Decision } from './action-decisions.repository.js';
import { ActionDelivery } from './action-delivery.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalWorker } from './approval-worker.js';
import {
  ActionNotFoundError,
  ActionNotPendingError,
  DecisionConflictError,
  NotAnApproverError,
  SelfApprovalError,
  StaleDigestError,
} from './approvals.errors.js';
import { holdsApproverRole } from './approver-roles.js';
import type { PendingActionRow } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';

/**
 * Approve and reject. Each decision runs in one transaction holding the action's row lock, so
 * approve, reject, expiry and cancellation race to exactly one winner. Rules: only the action's
 * approver roles (or admin) decide; never the requester; an approval quotes the digest it saw;
 * N distinct approvers for four-eyes tools; the same decision twice is a no-op, a different one a
 * conflict.
 */
@Injectable()
export class ApprovalDecisions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: PendingActionsRepository,
    private readonly decisions: ActionDecisionsRepository,
    private readonly audit: AuditLog,
    private readonly events: ApprovalEvents,
    private readonly worker: ApprovalWorker,
    private readonly delivery: ActionDelivery,
  ) {}

  async approve(principal: Principal, id: string, digest: string, comment?: string) {
    const row = await this.decide(principal, id, 'approve', async (tx, action) => {
      if (digest !== action.digest) throw new StaleDigestError();
      await this.record(tx, action, principal, 'approve', comment ?? null, digest);
      const approvals = await this.decisions.countApprovals(id, tx);
      const final = approvals >= action.approvals_required;
      if (final) await this.actions.approve(id, tx);
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: final ? 'approval.approved' : 'approval.approval_recorded',
          subject: id,
          data: {
            tool: action.tool,
            digest,
            approvals,
            required: action.approvals_required,
            comment: comment ?? null,
          },
        },
        tx,
      );
      return final;
    });
    return row;
  }

  async reject(principal: Principal, id: string, reason: string) {
    return this.decide(principal, id, 'reject', async (tx, action) => {
      await this.record(tx, action, principal, 'reject', reason, null);
      await this.actions.reject(id, reason, tx);
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: 'approval.rejected',
          subject: id,
          data: { tool: action.tool, reason },
        },
        tx,
      );
      return true;
    });
  }

  /**
   * Locks the row, applies the shared rules, runs `apply`, then (after commit) tells the stream,
   * the worker and the live session. Returns the action as it now is.
   */
  private async decide(
    principal: Principal,
    id: string,
    decision: Decision,
    apply: (tx: EntityManager, action: PendingActionRow) => Promise<boolean>,
  ): Promise<PendingActionRow> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const action = await this.actions.findForUpdate(id, tx);
      if (!action || !visibilityScope(principal).allows(action.tenant_id))
        throw new ActionNotFoundError(id);
      assertMayDecide(principal, action);
      const previous = await this.decisions.decisionOf(id, actorOf(principal), tx);
      if (previous) {
        if (previous !== decision) throw new DecisionConflictError(previous);
        return { current: action, changed: false }; // the same decision again: nothing to do
      }
      if (action.status !== 'pending') throw new ActionNotPendingError(id, action.status);
      // Past its window it is the sweeper's (expire or escalate), even if it has not run yet.
      if (new Date(action.expires_at).getTime() <= Date.now())
        throw new ActionNotPendingError(id, 'expired');
      // A revoked session's requests are void, even before the sweeper gets to them.
      const changed = (await this.cancelIfRevoked(tx, action))
        ? 'cancelled'
        : await apply(tx, action);
      // Read inside the transaction: the state this decision produced, not a later one.
      const current = (await this.actions.find(id, tx))!;
      return { current, changed };
    });
    const { current } = outcome;
    if (outcome.changed === 'cancelled') throw new ActionNotPendingError(id, 'cancelled');
    if (outcome.changed) {
      await this.events.publish({
        type: 'approval.decided',
        actionId: id,
        tool: current.tool,
        status: current.status,
        tenantId: current.tenant_id,
      });
      if (current.status === 'approved') this.worker.kick();
      if (current.status === 'rejected') await this.delivery.deliver(id);
    }
    return current;
  }

  private async cancelIfRevoked(tx: EntityManager, action: PendingActionRow): Promise<boolean> {
    if (!(await this.actions.cancelIfSessionRevoked(action.id, tx))) return false;
    await this.audit.append(
      {
        actor: 'system',
        action: 'approval.cancelled',
        subject: action.id,
        data: { tool: action.tool, status: 'cancelled' },
      },
      tx,
    );
    return true;
  }

  private async record(
    tx: EntityManager,
    action: PendingActionRow,
    principal: Principal,
    decision: Decision,
    comment: string | null,
    digest: string | null,
  ): Promise<void> {
    await this.decisions.insert(
      { actionId: action.id, approver: actorOf(principal), decision, comment, digest },
      tx,
    );
  }
}

function assertMayDecide(principal: Principal, action: PendingActionRow): void {
  if (actorOf(principal) === action.requester) throw new SelfApprovalError();
  if (!holdsApproverRole(principal, action.approver_roles))
    throw new NotAnApproverError(action.approver_roles);
}
