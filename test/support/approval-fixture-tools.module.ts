import { Injectable, Module } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { Tool } from '../../src/modules/tools/tool.decorator.js';
import type { ToolContext, ToolHandler } from '../../src/modules/tools/tool-options.js';

/**
 * Test-only tools for the approvals suite, each with one approval or rollback policy, granted only
 * to `APPROVALS_FIXTURE_ROLE` so no demo role sees them. Every execution and compensation is
 * recorded in memory (the arrays below), keyed by the idempotency key the pipeline or the worker
 * passed (`act_…` for an approved action, `tc_…` for a direct call), so a test can prove that
 * something ran exactly once, or never.
 */
export const APPROVALS_FIXTURE_ROLE = 'approvals_fixture';

export class FixtureActionInput {
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  note!: string;

  /** Hidden from approvers by the tools that declare `redact: ['pin']`. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  pin?: string;

  /** For `fx_guarded_rollback`: whether this call waits for an approver. */
  @IsOptional()
  @IsBoolean()
  viaApproval?: boolean;
}

export interface FixtureRun {
  readonly tool: string;
  /** The idempotency key: the action id (`act_…`) or the tool call's row id (`tc_…`). */
  readonly key: string;
  readonly toolCallId: string;
  readonly sessionId: string;
  readonly principalId: string;
  readonly note: string;
  readonly at: number;
}

export interface FixtureResult {
  readonly done: true;
  readonly tool: string;
  readonly note: string;
  readonly run: number;
}

/** Every execution of a fixture tool, in order. */
export const fixtureExecutions: FixtureRun[] = [];
/** Every compensation (rollback) of a fixture tool, in order. */
export const fixtureCompensations: (FixtureRun & { result: unknown })[] = [];

export const executionsFor = (key: string) => fixtureExecutions.filter((run) => run.key === key);
export const compensationsFor = (key: string) =>
  fixtureCompensations.filter((run) => run.key === key);

function runOf(tool: string, input: FixtureActionInput, ctx: ToolContext): FixtureRun {
  return {
    tool,
    key: ctx.idempotencyKey,
    toolCallId: ctx.toolCallId,
    sessionId: ctx.sessionId,
    principalId: ctx.principal.id,
    note: input.note,
    at: Date.now(),
  };
}

function execute(tool: string, input: FixtureActionInput, ctx: ToolContext): FixtureResult {
  fixtureExecutions.push(runOf(tool, input, ctx));
  return { done: true, tool, note: input.note, run: fixtureExecutions.length };
}

function compensate(
  tool: string,
  input: FixtureActionInput,
  result: unknown,
  ctx: ToolContext,
): { undone: true } {
  // The rollback's idempotency key is `<id>:rollback`; record it under the action's own id.
  const run = runOf(tool, input, ctx);
  fixtureCompensations.push({ ...run, key: run.key.replace(/:rollback$/, ''), result });
  return { undone: true };
}

/** Always needs one approver; the `pin` is redacted from what approvers see. */
@Tool({
  name: 'fx_simple_approval',
  description: 'Fixture: always waits for one approver.',
  input: FixtureActionInput,
  roles: [APPROVALS_FIXTURE_ROLE],
  approval: true,
  redact: ['pin'],
})
@Injectable()
export class SimpleApprovalTool implements ToolHandler<FixtureActionInput, FixtureResult> {
  execute(input: FixtureActionInput, ctx: ToolContext): FixtureResult {
    return execute('fx_simple_approval', input, ctx);
  }
}

/** Four-eyes: two distinct approvers. */
@Tool({
  name: 'fx_four_eyes',
  description: 'Fixture: needs two distinct approvers.',
  input: FixtureActionInput,
  roles: [APPROVALS_FIXTURE_ROLE],
  approval: { approvers: 2 },
})
@Injectable()
export class FourEyesTool implements ToolHandler<FixtureActionInput, FixtureResult> {
  execute(input: FixtureActionInput, ctx: ToolContext): FixtureResult {
    return execute('fx_four_eyes', input, ctx);
  }
}

/** Expires after one second and is then rejected. */
@Tool({
  name: 'fx_expire_reject',
  description: 'Fixture: expires after a second, then counts as rejected.',
  input: FixtureActionInput,
  roles: [APPROVALS_FIXTURE_ROLE],
  approval: { expiresInSeconds: 1, onTimeout: 'reject' },
})
@Injectable()
export class ExpireRejectTool implements ToolHandler<FixtureActionInput, FixtureResult> {
  execute(input: FixtureActionInput, ctx: ToolContext): FixtureResult {
    return execute('fx_expire_reject', input, ctx);
  }
}

/** Expires after one second, is handed to `supervisor` once, then expires for good. */
@Tool({
  name: 'fx_expire_escalate',
  description: 'Fixture: escalates to supervisors after a second.',
  input: FixtureActionInput,
  roles: [APPROVALS_FIXTURE_ROLE],
  approval: { expiresInSeconds: 1, onTimeout: 'escalate', escalateTo: ['supervisor'] },
})
@Injectable()
export class ExpireEscalateTool implements ToolHandler<FixtureActionInput, FixtureResult> {
  execute(input: FixtureActionInput, ctx: ToolContext): FixtureResult {
    return execute('fx_expire_escalate', input, ctx);
  }
}

/** Needs approval and cannot be undone. */
@Tool({
  name: 'fx_irreversible',
  description: 'Fixture: approved, then impossible to roll back.',
  input: FixtureActionInput,
  roles: [APPROVALS_FIXTURE_ROLE],
  approval: true,
  reversibility: 'irreversible',
})
@Injectable()
export class IrreversibleTool implements ToolHandler<FixtureActionInput, FixtureResult> {
  execute(input: FixtureActionInput, ctx: ToolContext): FixtureResult {
    return execute('fx_irreversible', input, ctx);
  }
}

/**
 * Compensable, and a rollback needs a second person. Runs directly, or through an approver when
 * the call says `viaApproval: true`, so both rollback tables are exercised.
 */
@Tool({
  name: 'fx_guarded_rollback',
  description: 'Fixture: undoing it needs two people.',
  input: FixtureActionInput,
  roles: [APPROVALS_FIXTURE_ROLE],
  approval: { when: (input: FixtureActionInput) => input.viaApproval === true },
  reversibility: 'compensable',
  rollbackApproval: true,
})
@Injectable()
export class GuardedRollbackTool implements ToolHandler<FixtureActionInput, FixtureResult> {
  execute(input: FixtureActionInput, ctx: ToolContext): FixtureResult {
    return execute('fx_guarded_rollback', input, ctx);
  }

  compensate(input: FixtureActionInput, result: FixtureResult, ctx: ToolContext) {
    return compensate('fx_guarded_rollback', input, result, ctx);
  }
}

/** Registered next to the demo tools through `startTestApp({ imports })`. */
@Module({
  providers: [
    SimpleApprovalTool,
    FourEyesTool,
    ExpireRejectTool,
    ExpireEscalateTool,
    IrreversibleTool,
    GuardedRollbackTool,
  ],
})
export class ApprovalFixtureToolsModule {}
