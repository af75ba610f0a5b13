import { createEffectiveSession } from '../protocol/session-config.js';
import type { SimulatorContext } from '../simulator-context.js';
import {
  deliverWebhook,
  incomingCallEvent,
  type DeliveryResult,
  type IncomingCallRequest,
} from './incoming-call-webhook.js';

export interface IncomingCall {
  readonly callId: string;
  /** Settles when the webhook was acknowledged (2xx) or retries ran out. */
  readonly delivery: Promise<DeliveryResult>;
}

/**
 * A phone call arrives: a SIP call waits in `ringing` until someone accepts it (the session then
 * starts) or rejects it, and the project's webhook hears `realtime.call.incoming`.
 */
export function ringIncomingCall(
  ctx: SimulatorContext,
  request: IncomingCallRequest,
): IncomingCall {
  const call = ctx.calls.create('sip', createEffectiveSession(), 'ringing');
  const body = incomingCallEvent(call.id, request);
  return {
    callId: call.id,
    delivery: deliverWebhook(request.webhookUrl, request.secret, body, ctx.webhookDelivery),
  };
}
