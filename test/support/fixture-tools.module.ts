import { Injectable, Module } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';

import { Tool } from '../../src/modules/tools/tool.decorator.js';
import type { ToolContext, ToolHandler } from '../../src/modules/tools/tool-options.js';

/** The role that may call the fixture tools; no demo role has it, so demo listings stay as shipped. */
export const FIXTURE_ROLE = 'fixture_runner';
export const SLOW_TOOL_TIMEOUT_MS = 200;

export class SlowToolInput {
  @IsString()
  @MaxLength(40)
  topic!: string;
}

/** What one execution of `slow_tool` saw, for the test to read after the relay answered. */
export interface SlowToolRun {
  readonly toolCallId: string;
  readonly startedAt: number;
  /** `signal.aborted` when the signal fired, or `false` if the long timer won instead. */
  abortedAt?: number;
  signalAborted?: boolean;
  abortReason?: string;
}

/**
 * Never finishes on its own within its timeout: it waits up to 30 s and gives up only when the
 * pipeline aborts `ctx.signal`. Records what it saw so the test can tell whether the abort happened.
 */
@Tool({
  name: 'slow_tool',
  description: 'A fixture tool that takes far longer than its timeout.',
  input: SlowToolInput,
  roles: [FIXTURE_ROLE],
  timeoutMs: SLOW_TOOL_TIMEOUT_MS,
})
@Injectable()
export class SlowTool implements ToolHandler<SlowToolInput, { done: true }> {
  readonly runs: SlowToolRun[] = [];

  async execute(_input: SlowToolInput, ctx: ToolContext): Promise<{ done: true }> {
    const run: SlowToolRun = { toolCallId: ctx.toolCallId, startedAt: Date.now() };
    this.runs.push(run);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        run.signalAborted = ctx.signal.aborted;
        resolve();
      }, 30_000);
      ctx.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          run.abortedAt = Date.now();
          run.signalAborted = ctx.signal.aborted;
          run.abortReason = String((ctx.signal.reason as Error | undefined)?.name);
          resolve();
        },
        { once: true },
      );
    });
    return { done: true };
  }
}

/** Test-only tools, registered next to the demo tools through `startTestApp({ imports })`. */
@Module({ providers: [SlowTool] })
export class FixtureToolsModule {}
