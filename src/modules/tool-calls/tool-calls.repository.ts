import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { newId } from '../../common/ids.js';
import type { ToolOutput } from './tool-output.js';

export type ToolCallStatus = 'running' | 'succeeded' | 'failed' | 'pending_approval';

export interface ToolCallRow {
  readonly id: string;
  readonly session_id: string;
  readonly tool_call_id: string;
  readonly tool: string;
  readonly arguments_digest: string;
  readonly status: ToolCallStatus;
  readonly output: ToolOutput | null;
  /** HTTP status of a failure, so a replay answers a relaying page like the first time. */
  readonly error_status: number | null;
  readonly duration_ms: number | null;
}

/**
 * The id a rollback names a recorded call by: the approval's `act_…` once it was sent for
 * approval (its stored interim output holds it), else the call's own `tc_…`.
 */
export function actionIdOf(row: Pick<ToolCallRow, 'id' | 'status' | 'output'>): string {
  const output = row.output as { actionId?: unknown } | null;
  return row.status === 'pending_approval' && typeof output?.actionId === 'string'
    ? output.actionId
    : row.id;
}

/** A call that ran directly (no approval), as the session's action list shows it. */
export interface ExecutedToolCallRow {
  readonly id: string;
  readonly tool_call_id: string;
  readonly tool: string;
  readonly arguments: Record<string, unknown> | null;
  readonly output: ToolOutput | null;
  readonly rollback_status: 'rolling_back' | 'rolled_back' | 'rollback_failed' | null;
  readonly rollback_reason: string | null;
  readonly created_at: Date;
  readonly finished_at: Date | null;
  readonly output_sent_at: Date | null;
  readonly rolled_back_at: Date | null;
}

export interface ToolCallClaim {
  readonly sessionId: string;
  readonly toolCallId: string;
  readonly tool: string;
  readonly userId: string;
  readonly tenantId: string | null;
  readonly digest: string;
  /** The validated arguments, kept so an executed call can be compensated later. */
  readonly arguments: Record<string, unknown>;
  /** Windows checked atomically with the insert (under a per-user lock) when present. */
  readonly limits?: readonly RateWindowCheck[];
}

export interface RateWindowCheck {
  readonly scope: 'session' | 'user';
  readonly limit: number;
  readonly windowSeconds: number;
}

/** A window was full at claim time (the early check raced with concurrent calls). */
export class RateWindowFull extends Error {
  constructor(readonly window: RateWindowCheck) {
    super(`rate window ${window.scope} full`);
  }
}

const POLL_MS = 20;

/** A directly executed call as its rollback reads it. */
export interface ToolCallRollbackRow {
  readonly id: string;
  readonly tool: string;
  readonly arguments: Record<string, unknown> | null;
  readonly output: { result?: unknown } | null;
  readonly user_id: string;
  readonly tenant_id: string | null;
  readonly session_id: string;
  readonly tool_call_id: string;
  readonly status: ToolCallStatus;
  readonly rollback_status: string | null;
}

/**
 * The only SQL on `tool_calls`: who claimed a `(session, call_id)` first (that caller executes;
 * everyone else gets the stored output), the rate-limit windows, the once-only "output sent" mark,
 * and the rollback of a directly executed call (each step one conditional UPDATE).
 */
@Injectable()
export class ToolCallsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countRecent(
    scope: 'session' | 'user',
    key: string,
    tool: string,
    windowSeconds: number,
    db: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<number> {
    const column = scope === 'session' ? 'session_id' : 'user_id';
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM tool_calls
       WHERE ${column} = $1 AND tool = $2 AND created_at > now() - make_interval(secs => $3)`,
      [key, tool, windowSeconds],
    )) as { n: number }[];
    return row.n;
  }

  /** Inserts the call as running; if the id is taken, returns the existing row instead. */
  async claim(
    claim: ToolCallClaim,
  ): Promise<{ claimed: true; id: string } | { claimed: false; existing: ToolCallRow }> {
    if (claim.limits?.length) return this.claimWithinLimits(claim, claim.limits);
    return this.insertOrFind(this.dataSource.manager, claim);
  }

  /**
   * Rate-limited tools: count and insert under one per-user advisory lock, so concurrent calls
   * cannot all see a free slot. A retry of a recorded call is answered before counting.
   */
  private claimWithinLimits(claim: ToolCallClaim, limits: readonly RateWindowCheck[]) {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`tool_calls:${claim.userId}`]);
      const existing = await this.find(claim.sessionId, claim.toolCallId, tx);
      if (existing) return { claimed: false as const, existing };
      for (const window of limits) {
        const key = window.scope === 'session' ? claim.sessionId : claim.userId;
        const used = await this.countRecent(
          window.scope,
          key,
          claim.tool,
          window.windowSeconds,
          tx,
        );
        if (used >= window.limit) throw new RateWindowFull(window);
      }
      return this.insertOrFind(tx, claim);
    });
  }

  private async insertOrFind(
    db: EntityManager,
    claim: ToolCallClaim,
  ): Promise<{ claimed: true; id: string } | { claimed: false; existing: ToolCallRow }> {
    const id = newId('tc');
    const inserted = (await db.query(
      `INSERT INTO tool_calls (id, session_id, tool_call_id, tool, user_id, tenant_id, arguments_digest, arguments, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'running')
       ON CONFLICT (session_id, tool_call_id) DO NOTHING RETURNING id`,
      [
        id,
        claim.sessionId,
        claim.toolCallId,
        claim.tool,
        claim.userId,
        claim.tenantId,
        claim.digest,
        JSON.stringify(claim.arguments),
      ],
    )) as { id: string }[];
    if (inserted.length === 1) return { claimed: true, id };
    const existing = await this.find(claim.sessionId, claim.toolCallId, db);
    if (!existing) throw new Error(`tool call ${claim.toolCallId} vanished after a conflict`);
    return { claimed: false, existing };
  }

  async finish(
    id: string,
    status: Exclude<ToolCallStatus, 'running'>,
    output: ToolOutput,
    durationMs: number,
    errorStatus: number | null = null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE tool_calls SET status = $2, output = $3, duration_ms = $4, error_status = $5,
         finished_at = now()
       WHERE id = $1 AND status = 'running'`,
      [id, status, JSON.stringify(output), durationMs, errorStatus],
    );
  }

  async find(
    sessionId: string,
    toolCallId: string,
    db: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<ToolCallRow | undefined> {
    const [row] = (await db.query(
      `SELECT id, session_id, tool_call_id, tool, arguments_digest, status, output, error_status, duration_ms
       FROM tool_calls WHERE session_id = $1 AND tool_call_id = $2`,
      [sessionId, toolCallId],
    )) as ToolCallRow[];
    return row;
  }

  /** The calls of a session that ran directly and succeeded, oldest first: what can be rolled back. */
  async executedIn(sessionId: string): Promise<ExecutedToolCallRow[]> {
    return (await this.dataSource.query(
      `SELECT id, tool_call_id, tool, arguments, output, rollback_status, rollback_reason, created_at,
              finished_at, output_sent_at, rolled_back_at
       FROM tool_calls WHERE session_id = $1 AND status = 'succeeded' ORDER BY created_at, id`,
      [sessionId],
    )) as ExecutedToolCallRow[];
  }

  /** Waits until another caller (maybe another replica) finishes the same call. */
  async waitForFinish(row: ToolCallRow, timeoutMs: number): Promise<ToolCallRow | undefined> {
    const deadline = Date.now() + timeoutMs;
    let current: ToolCallRow | undefined = row;
    while (current?.status === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      current = await this.find(row.session_id, row.tool_call_id);
    }
    return current?.status === 'running' ? undefined : current;
  }

  /** True exactly once per call: whoever gets it sends the output to the model. */
  async markOutputSent(sessionId: string, toolCallId: string): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE tool_calls SET output_sent_at = now()
       WHERE session_id = $1 AND tool_call_id = $2 AND output_sent_at IS NULL AND status <> 'running'
       RETURNING id`,
      [sessionId, toolCallId],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async findById(id: string): Promise<ToolCallRollbackRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, tool, arguments, output, user_id, tenant_id, session_id, tool_call_id, status,
              rollback_status
       FROM tool_calls WHERE id = $1`,
      [id],
    )) as ToolCallRollbackRow[];
    return row;
  }

  /** Records the first rollback request of a succeeded call; returns who asked first. */
  async requestRollback(id: string, actor: string, reason: string): Promise<string | null> {
    await this.dataSource.query(
      `UPDATE tool_calls SET rollback_requested_by = $2, rollback_reason = $3
       WHERE id = $1 AND status = 'succeeded' AND rollback_status IS NULL AND rollback_requested_by IS NULL`,
      [id, actor, reason],
    );
    const [row] = (await this.dataSource.query(
      `SELECT rollback_requested_by FROM tool_calls WHERE id = $1`,
      [id],
    )) as { rollback_requested_by: string | null }[];
    return row?.rollback_requested_by ?? null;
  }

  /** True for exactly one caller; a confirmer must differ from whoever requested. */
  async startRollback(id: string, reason: string, confirmer: string | null): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE tool_calls SET rollback_status = 'rolling_back', rollback_reason = coalesce(rollback_reason, $2)
       WHERE id = $1 AND status = 'succeeded' AND rollback_status IS NULL
         AND ($3::text IS NULL OR (rollback_requested_by IS NOT NULL AND rollback_requested_by <> $3))
       RETURNING id`,
      [id, reason, confirmer],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async finishRollback(
    id: string,
    ok: boolean,
    payload: unknown,
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `UPDATE tool_calls SET rollback_status = $2, rollback_result = $3, rolled_back_at = now() WHERE id = $1`,
      [id, ok ? 'rolled_back' : 'rollback_failed', JSON.stringify(payload ?? null)],
    );
  }
}
