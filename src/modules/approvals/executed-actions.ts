import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { storedPrincipal, type Principal } from '../../common/auth/principal.js';
import { requesterPrincipal } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';

/** An executed tool call as a rollback sees it, whichever table recorded it. */
export interface ExecutedAction {
  readonly id: string;
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
  readonly result: unknown;
  readonly requester: Principal;
  readonly sessionId: string;
  readonly toolCallId: string;
  /** `executed`, or where a rollback got to. */
  readonly state: string;
}

/** The rollback steps, each one conditional UPDATE, over one of the two tables. */
export interface ExecutedActionTable {
  find(id: string): Promise<ExecutedAction | undefined>;
  /** Records the first request; returns who asked first. */
  requestRollback(id: string, actor: string, reason: string): Promise<string | null>;
  /** True for exactly one caller; a confirmer must differ from whoever requested. */
  claimRollback(id: string, reason: string, confirmer: string | null): Promise<boolean>;
  finishRollback(id: string, ok: boolean, payload: unknown, tx: EntityManager): Promise<void>;
}

/** Finds the table that recorded an executed action, by its id. */
@Injectable()
export class ExecutedActions {
  private readonly approved: ExecutedActionTable;
  private readonly direct: ExecutedActionTable;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    pendingActions: PendingActionsRepository,
  ) {
    this.approved = approvedActions(pendingActions);
    this.direct = toolCallRollbacks(dataSource);
  }

  /** Approved actions live in `pending_actions` (`act_…`), directly executed calls in `tool_calls` (`tc_…`). */
  tableOf(id: string): ExecutedActionTable | undefined {
    if (id.startsWith('act_')) return this.approved;
    if (id.startsWith('tc_')) return this.direct;
    return undefined;
  }
}

function approvedActions(actions: PendingActionsRepository): ExecutedActionTable {
  return {
    async find(id) {
      const row = await actions.find(id);
      if (!row) return undefined;
      return {
        id: row.id,
        tool: row.tool,
        arguments: row.arguments,
        result: row.result,
        requester: requesterPrincipal(row),
        sessionId: row.session_id,
        toolCallId: row.tool_call_id,
        state: row.status,
      };
    },
    requestRollback: (id, actor, reason) => actions.requestRollback(id, actor, reason),
    claimRollback: (id, reason, confirmer) => actions.startRollback(id, reason, confirmer),
    finishRollback: (id, ok, payload, tx) => actions.finishRollback(id, ok, payload, tx),
  };
}

interface ToolCallRollbackRow {
  id: string;
  tool: string;
  arguments: Record<string, unknown>;
  output: { result?: unknown } | null;
  user_id: string;
  tenant_id: string | null;
  roles: string[];
  session_id: string;
  tool_call_id: string;
  status: string;
  rollback_status: string | null;
}

/**
 * The rollback SQL on `tool_calls` (directly executed calls) that still lives in this module: the
 * only statements on that table outside `tool-calls/tool-call.store.ts`. They move into the
 * tool_calls repository when that table gets one.
 */
function toolCallRollbacks(db: DataSource): ExecutedActionTable {
  return {
    async find(id) {
      const [row] = (await db.query(
        `SELECT t.*, s.roles FROM tool_calls t JOIN sessions s ON s.id = t.session_id WHERE t.id = $1`,
        [id],
      )) as ToolCallRollbackRow[];
      if (!row) return undefined;
      return {
        id: row.id,
        tool: row.tool,
        arguments: row.arguments ?? {},
        result: row.output?.result ?? null,
        requester: storedPrincipal({
          actor: `user:${row.user_id}`,
          tenantId: row.tenant_id,
          roles: row.roles,
        }),
        sessionId: row.session_id,
        toolCallId: row.tool_call_id,
        state: row.status === 'succeeded' ? (row.rollback_status ?? 'executed') : row.status,
      };
    },
    async requestRollback(id, actor, reason) {
      await db.query(
        `UPDATE tool_calls SET rollback_requested_by = $2, rollback_reason = $3
         WHERE id = $1 AND status = 'succeeded' AND rollback_status IS NULL AND rollback_requested_by IS NULL`,
        [id, actor, reason],
      );
      const [row] = (await db.query(`SELECT rollback_requested_by FROM tool_calls WHERE id = $1`, [
        id,
      ])) as {
        rollback_requested_by: string | null;
      }[];
      return row?.rollback_requested_by ?? null;
    },
    async claimRollback(id, reason, confirmer) {
      const [rows] = (await db.query(
        `UPDATE tool_calls SET rollback_status = 'rolling_back', rollback_reason = coalesce(rollback_reason, $2)
         WHERE id = $1 AND status = 'succeeded' AND rollback_status IS NULL
           AND ($3::text IS NULL OR (rollback_requested_by IS NOT NULL AND rollback_requested_by <> $3))
         RETURNING id`,
        [id, reason, confirmer],
      )) as [unknown[], number];
      return rows.length === 1;
    },
    async finishRollback(id, ok, payload, tx) {
      await tx.query(
        `UPDATE tool_calls SET rollback_status = $2, rollback_result = $3, rolled_back_at = now() WHERE id = $1`,
        [id, ok ? 'rolled_back' : 'rollback_failed', JSON.stringify(payload ?? null)],
      );
    },
  };
}
