import { Injectable } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';
import { ApprovalQueue, type PendingActionRow } from '../approvals/index.js';
import { SessionsService } from '../sessions/index.js';
import { redactInput, ToolRegistry } from '../tools/index.js';
import { ToolCallsRepository, type ExecutedToolCallRow } from './tool-calls.repository.js';

/** One thing a session did that has an outcome: a call sent for approval, or one that ran directly. */
export interface SessionActionView {
  /** What a rollback names it by: `act_…` (approval) or `tc_…` (direct). */
  readonly id: string;
  /** The model's `call_id`. */
  readonly callId: string;
  readonly via: 'approval' | 'direct';
  readonly tool: string;
  readonly status: string;
  readonly statusReason: string | null;
  /** Redacted as the tool declares. */
  readonly arguments: unknown;
  readonly result: unknown;
  readonly error: { code: string; message: string } | null;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  readonly executedAt: Date | null;
  readonly rolledBackAt: Date | null;
  readonly toldInCall: boolean;
}

/** A session's actions for its owner: both kinds, oldest first, each with the id to roll it back by. */
@Injectable()
export class SessionActions {
  constructor(
    private readonly sessions: SessionsService,
    private readonly queue: ApprovalQueue,
    private readonly toolCalls: ToolCallsRepository,
    private readonly registry: ToolRegistry,
  ) {}

  async list(principal: Principal, sessionId: string): Promise<SessionActionView[]> {
    const session = await this.sessions.getOwned(principal, sessionId);
    const [approvals, direct] = await Promise.all([
      this.queue.forSession(session.id),
      this.toolCalls.executedIn(session.id),
    ]);
    return [...approvals.map(approvalView), ...direct.map((row) => this.directView(row))].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
  }

  private directView(row: ExecutedToolCallRow): SessionActionView {
    // A tool no longer registered has no redaction list: show none of its arguments.
    const redact = this.registry.get(row.tool)?.redact ?? ['*'];
    const output = row.output as { result?: unknown } | null;
    return {
      id: row.id,
      callId: row.tool_call_id,
      via: 'direct',
      tool: row.tool,
      status: row.rollback_status ?? 'executed',
      statusReason: row.rollback_reason,
      arguments: redactInput(row.arguments ?? {}, redact),
      result: output?.result ?? null,
      error: null,
      createdAt: new Date(row.created_at),
      decidedAt: null,
      executedAt: row.finished_at,
      rolledBackAt: row.rolled_back_at,
      toldInCall: row.output_sent_at !== null,
    };
  }
}

function approvalView(row: PendingActionRow): SessionActionView {
  return {
    id: row.id,
    callId: row.tool_call_id,
    via: 'approval',
    tool: row.tool,
    status: row.status,
    statusReason: row.status_reason,
    arguments: row.display_arguments,
    result: row.result ?? null,
    error: row.error,
    createdAt: new Date(row.created_at),
    decidedAt: row.decided_at,
    executedAt: row.executed_at,
    rolledBackAt: row.rolled_back_at,
    toldInCall: row.delivered_at !== null,
  };
}
