import type { OpenAIError } from '../protocol/openai-error.js';

/**
 * The `error` of a Live `error` event: `code` always (Live's `Error.code` is a string), `param`
 * only when there is one, and the `client_event_id` of the command that caused it.
 */
export function liveErrorBody(error: OpenAIError, clientEventId?: unknown) {
  const { message, type, code, param } = error.toBody();
  return {
    type,
    code: code ?? type,
    message,
    ...(param ? { param } : {}),
    ...(typeof clientEventId === 'string' && clientEventId
      ? { client_event_id: clientEventId }
      : {}),
  };
}
