import { OpenAIError } from '../protocol/openai-error.js';

/** A SIP rejection status (300-699), as both APIs' `reject` take it. */
export function sipRejectStatus(status: unknown): number {
  if (!Number.isInteger(status) || (status as number) < 300 || (status as number) > 699)
    throw OpenAIError.invalidRequest(
      `Invalid 'status_code': ${JSON.stringify(status)}. Expected a SIP status between 300 and 699.`,
      'invalid_value',
      'status_code',
    );
  return status as number;
}

/** A `refer` target: a nonblank tel: or sip: URI, as both APIs' `refer` take it. */
export function referTarget(target: unknown): string {
  if (typeof target !== 'string' || !/^(tel:\+?[0-9*#-]+|sips?:\S+@\S+)$/.test(target))
    throw OpenAIError.invalidRequest(
      "Invalid 'target_uri': expected a tel: or sip: URI such as tel:+14155550123.",
      'invalid_value',
      'target_uri',
    );
  return target;
}
