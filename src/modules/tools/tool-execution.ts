import type { RegisteredTool } from './registered-tool.js';
import type { ToolContext } from './tool-options.js';

/** The tool did not settle before its timeout; its signal has been aborted. */
export class ToolTimedOut extends Error {
  override name = 'ToolTimedOut';
}

/**
 * Runs `execute` with the tool's timeout: the context's signal is aborted when time is up, and the
 * caller stops waiting at that moment even if the tool ignores the signal.
 */
export async function executeWithTimeout(
  tool: RegisteredTool,
  input: object,
  context: Omit<ToolContext, 'signal'>,
): Promise<unknown> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new ToolTimedOut(`${tool.name} timed out after ${tool.timeoutMs} ms`));
      reject(new ToolTimedOut(tool.name));
    }, tool.timeoutMs);
  });
  try {
    return await Promise.race([
      Promise.resolve().then(() =>
        tool.handler.execute(input, { ...context, signal: controller.signal }),
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
