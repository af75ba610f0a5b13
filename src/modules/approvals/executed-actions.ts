import type { EntityManager } from 'typeorm';

import { storedPrincipal, type Principal } from '../../common/auth/principal.js';
import { requesterPrincipal, type PendingActionRow } from './pending-action.record.js';

type Db = Pick<EntityManager, 'query'>;

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
  find(db: Db, id: string): Promise<ExecutedAction | undefined>;
  /** Records the first request; returns who asked first. */
  requestRollback(db: Db, id: string, actor: string, reason: string): Promise<string | null>;
  /** True for exactly one caller; a confirmer must differ from whoever requested. */
  claimRollback(db: Db, id: string, reason: string, confirmer: string | null): Promise<boolean>;
  finishRollback(db: Db, id: string, ok: boolean, payload: unknown): Promise<void>;
}

/** Approved actions live in `pending_actions` (`act_…`), directly executed calls in `tool_calls` (`tc_…`). */
export function executedActions(id: string): ExecutedActionTable | undefined {
  if (id.startsWith('act_')) return approvedActions;
  if (id.startsWith('tc_')) return toolCalls;
  return undefined;
}

const approvedActions: ExecutedActionTable = {
  async find(db, id) {
    const [row] = (await db.query(`SELECT * FROM pending_actions WHERE id = $1`, [
      id,
    ])) as PendingActionRow[];
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
  async requestRollback(db, id, actor, reason) {
    await db.query(
      `UPDATE pending_actions SET rollback_requested_by = $2, rollback_reason = $3
       WHERE id = $1 AND status = 'executed' AND rollback_requested_by IS NULL`,
      [id, actor, reason],
    );
    const [row] = (await db.query(
      `SELECT rollback_requested_by FROM pending_actions WHERE id = $1`,
      [id],
    )) as {
      rollback_requested_by: string | null;
    }[];
    return row?.rollback_requested_by ?? null;
  },
  async claimRollback(db, id, reason, confirmer) {
    const [rows] = (await db.query(
      `UPDATE pending_actions SET status = 'rolling_back', rollback_reason = coalesce(rollback_reason, $2)
       WHERE id = $1 AND status = 'executed'
         AND ($3::text IS NULL OR (rollback_requested_by IS NOT NULL AND rollback_requested_by <> $3))
       RETURNING id`,
      [id, reason, confirmer],
    )) as [unknown[], number];
    return rows.length === 1;
  },
  async finishRollback(db, id, ok, payload) {
    await db.query(
      `UPDATE pending_actions SET status = $2, rollback_result = $3, rolled_back_at = now() WHERE id = $1`,
      [id, ok ? 'rolled_back' : 'rollback_failed', JSON.stringify(payload ?? null)],
    );
  },
};

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

const toolCalls: ExecutedActionTable = {
  async find(db, id) {
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
  async requestRollback(db, id, actor, reason) {
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
  async claimRollback(db, id, reason, confirmer) {
    const [rows] = (await db.query(
      `UPDATE tool_calls SET rollback_status = 'rolling_back', rollback_reason = coalesce(rollback_reason, $2)
       WHERE id = $1 AND status = 'succeeded' AND rollback_status IS NULL
         AND ($3::text IS NULL OR (rollback_requested_by IS NOT NULL AND rollback_requested_by <> $3))
       RETURNING id`,
      [id, reason, confirmer],
    )) as [unknown[], number];
    return rows.length === 1;
  },
  async finishRollback(db, id, ok, payload) {
    await db.query(
      `UPDATE tool_calls SET rollback_status = $2, rollback_result = $3, rolled_back_at = now() WHERE id = $1`,
      [id, ok ? 'rolled_back' : 'rollback_failed', JSON.stringify(payload ?? null)],
    );
  },
};
