import { DomainError, type FieldError } from '../../common/errors/domain.error.js';
import { type RegisteredTool, ToolTimeoutError } from '../tools/index.js';
import type { ToolCallResult } from './tool-call.pipeline.js';
import { actionIdOf, type ToolCallRow, type ToolCallsRepository } from './tool-calls.repository.js';
import { ToolCallIdReusedError } from './tool-calls.errors.js';
import type { ToolOutput } from './tool-output.js';

/**
 * A call whose `(session, call_id)` was claimed before (a retry, the relay and the sideband seeing
 * the same call, another replica): answered with the stored outcome once it is there, exactly like
 * the first time, never run again. Other arguments under the same id are refused.
 */
export async function replayRecorded(
  toolCalls: ToolCallsRepository,
  existing: ToolCallRow,
  digest: string,
  tool: RegisteredTool,
): Promise<ToolCallResult> {
  if (existing.arguments_digest !== digest || existing.tool !== tool.name)
    throw new ToolCallIdReusedError(existing.tool_call_id);
  const finished = await toolCalls.waitForFinish(existing, tool.timeoutMs + 5_000);
  if (!finished?.output) throw new ToolTimeoutError(tool.name, tool.timeoutMs);
  const actionId = actionIdOf(finished);
  if (finished.status === 'failed' || finished.status === 'running') {
    const output = finished.output;
    const error = storedError(output, finished.error_status);
    return { status: 'failed', output, actionId, replayed: true, error };
  }
  return { status: finished.status, output: finished.output, actionId, replayed: true };
}

/** The failure a stored output records, rebuilt so a retry is answered like the first call. */
function storedError(output: ToolOutput | null, status: number | null): DomainError {
  const stored = output && !output.ok && 'error' in output ? output.error : undefined;
  const { code, message, errors, ...extensions } = stored ?? {};
  return new DomainError({
    code: (code as string | undefined) ?? 'TOOL_FAILED',
    status: status ?? 502,
    title: 'Tool call failed',
    detail: (message as string | undefined) ?? 'The tool call failed.',
    errors: errors as FieldError[] | undefined,
    extensions: Object.keys(extensions).length ? extensions : undefined,
  });
}
