import { DomainError } from '../../common/errors/domain.error.js';
import { ToolTimeoutError } from '../tools/index.js';
import { actionIdOf } from './tool-calls.repository.js';
import { ToolCallIdReusedError } from './tool-calls.errors.js';
/**
 * A call whose `(session, call_id)` was claimed before (a retry, the relay and the sideband seeing
 * the same call, another replica): answered with the stored outcome once it is there, exactly like
 * the first time, never run again. Other arguments under the same id are refused.
 */ export async function replayRecorded(toolCalls, existing, digest, tool) {
    if (existing.arguments_digest !== digest || existing.tool !== tool.name) throw new ToolCallIdReusedError(existing.tool_call_id);
    const finished = await toolCalls.waitForFinish(existing, tool.timeoutMs + 5_000);
    if (!finished?.output) throw new ToolTimeoutError(tool.name, tool.timeoutMs);
    const actionId = actionIdOf(finished);
    if (finished.status === 'failed' || finished.status === 'running') {
        const output = finished.output;
        const error = storedError(output, finished.error_status);
        return {
            status: 'failed',
            output,
            actionId,
            replayed: true,
            error
        };
    }
    return {
        status: finished.status,
        output: finished.output,
        actionId,
        replayed: true
    };
}
/** The failure a stored output records, rebuilt so a retry is answered like the first call. */ function storedError(output, status) {
    const stored = output && !output.ok && 'error' in output ? output.error : undefined;
    const { code, message, errors, ...extensions } = stored ?? {};
    return new DomainError({
        code: code ?? 'TOOL_FAILED',
        status: status ?? 502,
        title: 'Tool call failed',
        detail: message ?? 'The tool call failed.',
        errors: errors,
        extensions: Object.keys(extensions).length ? extensions : undefined
    });
}

//# sourceMappingURL=tool-call-replay.js.map