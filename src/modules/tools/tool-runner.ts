import { Injectable, Logger } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';
import { DomainError } from '../../common/errors/domain.error.js';
import type { RegisteredTool } from './registered-tool.js';
import { parseToolArguments } from './tool-arguments.js';
import { runWithTimeout, ToolTimedOut } from './tool-execution.js';
import {
  CompensationFailedError,
  StoredArgumentsInvalidError,
  ToolFailedError,
  ToolTimeoutError,
} from './tool.errors.js';

/** Who a run is for and how it is keyed; the runner adds the tenant, the signal and a logger. */
export interface ToolRunContext {
  readonly principal: Principal;
  readonly sessionId: string;
  readonly callId: string | null;
  readonly toolCallId: string;
  readonly idempotencyKey: string;
}

/** What to run: the tool's `execute`, or its `compensate` for an earlier result. */
export type ToolPhase =
  { readonly kind: 'execute' } | { readonly kind: 'compensate'; readonly result: unknown };

const EXECUTE: ToolPhase = { kind: 'execute' };

/**
 * The one place a tool's code runs: a direct call, an approved action and a rollback all come
 * here. It owns the timeout and abort signal and turns every failure into a typed domain error:
 * the tool's own `DomainError` as it is (the model may act on its code), `TOOL_TIMEOUT`, or a
 * generic failure that is logged here and disclosed to nobody.
 */
@Injectable()
export class ToolRunner {
  private readonly logger = new Logger(ToolRunner.name);

  async run(
    tool: RegisteredTool,
    input: object,
    context: ToolRunContext,
    phase: ToolPhase = EXECUTE,
  ): Promise<unknown> {
    const label = phase.kind === 'execute' ? tool.name : `${tool.name} compensation`;
    try {
      return await runWithTimeout(tool.timeoutMs, label, (signal) => {
        const ctx = {
          ...context,
          tenantId: context.principal.tenantId,
          signal,
          logger: new Logger(`tool:${tool.name}`),
        };
        if (phase.kind === 'execute') return tool.handler.execute(input, ctx);
        if (!tool.handler.compensate) throw new Error(`${tool.name} has no compensate`);
        return tool.handler.compensate(input, phase.result, ctx);
      });
    } catch (thrown) {
      throw this.asFailure(tool, phase, thrown);
    }
  }

  /** Arguments recorded earlier, checked again against the tool's input DTO as it is now. */
  async storedInput(tool: RegisteredTool, stored: unknown): Promise<object> {
    const parsed = await parseToolArguments(tool.input, JSON.stringify(stored));
    if (!parsed.ok) throw new StoredArgumentsInvalidError(tool.name);
    return parsed.input;
  }

  private asFailure(tool: RegisteredTool, phase: ToolPhase, thrown: unknown): DomainError {
    if (thrown instanceof ToolTimedOut) return new ToolTimeoutError(tool.name, tool.timeoutMs);
    if (thrown instanceof DomainError) return thrown;
    this.logger.error(
      { tool: tool.name, phase: phase.kind, err: (thrown as Error)?.message },
      phase.kind === 'execute' ? 'A tool failed' : 'A compensation failed',
    );
    return phase.kind === 'execute'
      ? new ToolFailedError(tool.name)
      : new CompensationFailedError(tool.name);
  }
}
