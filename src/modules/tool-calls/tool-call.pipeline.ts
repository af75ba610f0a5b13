import { Injectable, Logger, Optional } from '@nestjs/common';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { DomainError } from '../../common/errors/domain.error.js';
import { sha256Hex } from '../../common/sha256.js';
import { AuditLog, type AuditAction } from '../audit/index.js';
import type { SessionRecord } from '../sessions/index.js';
import {
  argumentsDigest,
  needsApproval,
  type RegisteredTool,
  parseToolArguments,
  redactInput,
  ToolFailedError,
  ToolRunner,
} from '../tools/index.js';
import { ApprovalGate } from '../approvals/index.js';
import { replayRecorded } from './tool-call-replay.js';
import { rateLimitedError, rateWindows, ToolCallPolicy } from './tool-call.policy.js';
import { RateWindowFull, ToolCallsRepository } from './tool-calls.repository.js';
import { ApprovalUnavailableError, InvalidToolArgumentsError } from './tool-calls.errors.js';
import { errorOutput, type ToolOutput } from './tool-output.js';

export interface ToolCallRequest {
  readonly session: SessionRecord;
  readonly principal: Principal;
  /** The model's `call_id`. */
  readonly toolCallId: string;
  readonly name: string;
  /** The model's argument text, untrusted. */
  readonly arguments: string;
  readonly source: 'sideband' | 'relay' | 'delegation';
}

export interface ToolCallResult {
  readonly status: 'succeeded' | 'pending_approval' | 'refused' | 'failed';
  readonly output: ToolOutput;
  /**
   * What a rollback names the call by: `tc_…` for an executed call, `act_…` for one sent for
   * approval. Absent when the pipeline refused it.
   */
  readonly actionId?: string;
  /** The stored outcome of an earlier call with the same id, not a new execution. */
  readonly replayed: boolean;
  readonly error?: DomainError;
}

/**
 * The one way a tool runs. In order: `ToolCallPolicy` (registry lookup → session active, not over
 * budget → role allowlist → rate limit) → argument validation → idempotency on (session, call_id),
 * a retry answered by `replayRecorded` → approval gate → execution with timeout (`ToolRunner`) →
 * audit. Every refusal is a typed result (and audited), never a throw.
 */
@Injectable()
export class ToolCallPipeline {
  private readonly logger = new Logger(ToolCallPipeline.name);

  constructor(
    private readonly policy: ToolCallPolicy,
    private readonly toolCalls: ToolCallsRepository,
    private readonly audit: AuditLog,
    private readonly runner: ToolRunner,
    @Optional() private readonly approvals?: ApprovalGate,
  ) {}

  async run(request: ToolCallRequest): Promise<ToolCallResult> {
    try {
      if (!CALL_ID.test(request.toolCallId))
        throw new InvalidToolArgumentsError(printable(request.name), [
          { pointer: '', detail: 'call_id must be 1-128 printable ASCII characters' },
        ]);
      const tool = await this.policy.admit(request);
      const parsed = await parseToolArguments(tool.input, request.arguments);
      if (!parsed.ok) throw new InvalidToolArgumentsError(tool.name, parsed.errors);
      const digest = argumentsDigest(tool.name, parsed.plain);
      const claim = await this.toolCalls.claim({
        sessionId: request.session.id,
        toolCallId: request.toolCallId,
        tool: tool.name,
        userId: request.principal.id,
        tenantId: request.principal.tenantId,
        digest,
        arguments: parsed.plain,
        limits: rateWindows(tool),
      });
      if (!claim.claimed) return await replayRecorded(this.toolCalls, claim.existing, digest, tool);
      return await this.runClaimed(request, tool, parsed.input, parsed.plain, claim.id);
    } catch (error) {
      if (error instanceof RateWindowFull)
        return this.refuse(request, rateLimitedError(request.name, error.window));
      if (error instanceof DomainError) return this.refuse(request, error);
      throw error;
    }
  }

  /** The call is ours to run: hand it to the approval gate or execute it. */
  private async runClaimed(
    request: ToolCallRequest,
    tool: RegisteredTool,
    input: object,
    plain: Record<string, unknown>,
    rowId: string,
  ): Promise<ToolCallResult> {
    const redacted = redactInput(plain, tool.redact);
    try {
      if (needsApproval(tool, input, request.principal))
        return await this.submitForApproval(request, tool, input, plain, rowId, redacted);
    } catch (thrown) {
      // Never leave the claim `running`: retries would wait for an outcome that never comes.
      const error = thrown instanceof DomainError ? thrown : new ToolFailedError(tool.name);
      if (!(thrown instanceof DomainError))
        this.logger.error(
          { tool: tool.name, err: (thrown as Error)?.message },
          'Approval hand-over failed',
        );
      await this.toolCalls.finish(rowId, 'failed', errorOutput(error), 0, error.status);
      throw thrown;
    }
    return this.execute(request, tool, input, rowId, redacted);
  }

  private async submitForApproval(
    request: ToolCallRequest,
    tool: RegisteredTool,
    input: object,
    plain: Record<string, unknown>,
    rowId: string,
    redacted: unknown,
  ): Promise<ToolCallResult> {
    if (!this.approvals) throw new ApprovalUnavailableError(tool.name);
    const receipt = await this.approvals.submit({
      tool,
      input,
      arguments: plain,
      principal: request.principal,
      session: request.session,
      toolCallId: request.toolCallId,
    });
    const output: ToolOutput = { ok: true, status: 'pending_approval', ...receipt };
    await this.toolCalls.finish(rowId, 'pending_approval', output, 0);
    await this.record(request, 'tool.approval_requested', tool.name, {
      input: redacted,
      actionId: receipt.actionId,
    });
    return { status: 'pending_approval', output, actionId: receipt.actionId, replayed: false };
  }

  /**
   * Runs the tool. Only the tool's own failure is a failed call: once it succeeded, the outcome is
   * stored as succeeded even if writing the audit entry fails afterwards (that error propagates).
   */
  private async execute(
    request: ToolCallRequest,
    tool: RegisteredTool,
    input: object,
    rowId: string,
    redacted: unknown,
  ): Promise<ToolCallResult> {
    const started = performance.now();
    let result: unknown;
    try {
      result = await this.runner.run(tool, input, {
        principal: request.principal,
        sessionId: request.session.id,
        callId: request.session.callId,
        toolCallId: request.toolCallId,
        idempotencyKey: rowId,
      });
    } catch (thrown) {
      const error = thrown as DomainError;
      const durationMs = elapsed(started);
      await this.toolCalls.finish(rowId, 'failed', errorOutput(error), durationMs, error.status);
      await this.record(request, 'tool.failed', tool.name, {
        input: redacted,
        durationMs,
        code: error.code,
      });
      const output = errorOutput(error);
      return { status: 'failed', output, actionId: rowId, replayed: false, error };
    }
    const output: ToolOutput = { ok: true, result: result ?? null };
    const durationMs = elapsed(started);
    await this.toolCalls.finish(rowId, 'succeeded', output, durationMs);
    await this.record(request, 'tool.executed', tool.name, {
      actionId: rowId,
      input: redacted,
      durationMs,
      outputDigest: sha256Hex(JSON.stringify(output)),
    });
    return { status: 'succeeded', output, actionId: rowId, replayed: false };
  }

  private async refuse(
    request: ToolCallRequest,
    error: DomainError,
    input?: unknown,
  ): Promise<ToolCallResult> {
    await this.record(request, 'tool.refused', request.name, {
      code: error.code,
      ...(input === undefined
        ? { argumentsBytes: Buffer.byteLength(request.arguments) }
        : { input }),
    });
    return { status: 'refused', output: errorOutput(error), replayed: false, error };
  }

  private record(
    request: ToolCallRequest,
    action: AuditAction,
    tool: string,
    data: Record<string, unknown>,
  ): Promise<unknown> {
    return this.audit.append({
      actor: actorOf(request.principal),
      action,
      subject: request.session.id,
      data: {
        tool: printable(tool),
        toolCallId: printable(request.toolCallId),
        source: request.source,
        ...data,
      },
    });
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

const CALL_ID = /^[\x21-\x7e]{1,128}$/;

/** Model-chosen names and ids, made safe to store and log (they may be anything). */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 128);
}
