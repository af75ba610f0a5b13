import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
  readonly duration_ms: number | null;
}

export interface ToolCallClaim {
  readonly sessionId: string;
  readonly toolCallId: string;
  readonly tool: string;
  readonly userId: string;
  readonly tenantId: string | null;
  readonly digest: string;
}

const POLL_MS = 20;

/**
 * The `tool_calls` table: who claimed a `(session, call_id)` first (that caller executes; everyone
 * else gets the stored output), the rate-limit windows, and the once-only "output sent" mark.
 */
@Injectable()
export class ToolCallStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countRecent(
    scope: 'session' | 'user',
    key: string,
    tool: string,
    windowSeconds: number,
  ): Promise<number> {
    const column = scope === 'session' ? 'session_id' : 'user_id';
    const [row] = (await this.dataSource.query(
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
    const id = newId('tc');
    const inserted = (await this.dataSource.query(
      `INSERT INTO tool_calls (id, session_id, tool_call_id, tool, user_id, tenant_id, arguments_digest, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'running')
       ON CONFLICT (session_id, tool_call_id) DO NOTHING RETURNING id`,
      [
        id,
        claim.sessionId,
        claim.toolCallId,
        claim.tool,
        claim.userId,
        claim.tenantId,
        claim.digest,
      ],
    )) as { id: string }[];
    if (inserted.length === 1) return { claimed: true, id };
    const existing = await this.find(claim.sessionId, claim.toolCallId);
    if (!existing) throw new Error(`tool call ${claim.toolCallId} vanished after a conflict`);
    return { claimed: false, existing };
  }

  async finish(
    id: string,
    status: Exclude<ToolCallStatus, 'running'>,
    output: ToolOutput,
    durationMs: number,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE tool_calls SET status = $2, output = $3, duration_ms = $4, finished_at = now()
       WHERE id = $1`,
      [id, status, JSON.stringify(output), durationMs],
    );
  }

  async find(sessionId: string, toolCallId: string): Promise<ToolCallRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, session_id, tool_call_id, tool, arguments_digest, status, output, duration_ms
       FROM tool_calls WHERE session_id = $1 AND tool_call_id = $2`,
      [sessionId, toolCallId],
    )) as ToolCallRow[];
    return row;
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
}
