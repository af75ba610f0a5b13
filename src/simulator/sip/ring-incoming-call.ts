import { ringingLiveSession } from '../live/start-live-session.js';
import { createEffectiveSession } from '../protocol/session-config.js';
import type { SimulatorContext } from '../simulator-context.js';
import {
  deliverWebhook,
  incomingCallEvent,
  liveTransportIncomingEvent,
  type DeliveryResult,
  type IncomingCallRequest,
} from './incoming-call-webhook.js';

export interface IncomingCall {
  /** The ringing Realtime call (`rtc_…`), when `realtime.call.incoming` was sent. */
  readonly callId?: string;
  /** The ringing Live session (`live_…`), when `live.transport.incoming` was sent. */
  readonly sessionId?: string;
  /** Settles when each webhook was acknowledged (2xx) or its retries ran out. */
  readonly delivery: Promise<IncomingCallDeliveries>;
}

export interface IncomingCallDeliveries {
  readonly realtime?: DeliveryResult;
  readonly live?: DeliveryResult;
}

/**
 * A phone call arrives. It is offered to every API the project listens with (both by default,
 * as OpenAI does): a Realtime call and a Live session, both ringing, each announced by its own
 * signed webhook (`realtime.call.incoming` with `call_id`, `live.transport.incoming` with
 * `session_id`). The first successful accept on either API takes the call; the twin ends then.
 * Rejecting through either API rejects the phone call, so both end.
 */
export function ringIncomingCall(
  ctx: SimulatorContext,
  request: IncomingCallRequest,
): IncomingCall {
  const apis = request.apis ?? ['realtime', 'live'];
  const call = apis.includes('realtime')
    ? ctx.calls.create('sip', createEffectiveSession(), 'ringing')
    : undefined;
  const session = apis.includes('live') ? ringingLiveSession(ctx) : undefined;
  ctx.phoneCalls.add({ realtimeCallId: call?.id, liveSessionId: session?.id });
  // Rejected (or gone) through one API while the other still rings: the phone call is over.
  // (An accept ends the twin itself, with its own reason: see the accept routes.)
  call?.onEnded(() => {
    if (session?.state === 'ringing') session.end('close_requested', 'ended_through_realtime');
  });
  session?.onEnded(() => {
    if (call?.state === 'ringing') call.end('ended_through_live');
  });
  const headers = sipHeaders(request);
  const deliver = (body: string) =>
    deliverWebhook(request.webhookUrl, request.secret, body, ctx.webhookDelivery);
  const realtime = call ? deliver(incomingCallEvent(call.id, headers)) : undefined;
  const live = session ? deliver(liveTransportIncomingEvent(session.id, headers)) : undefined;
  return {
    callId: call?.id,
    sessionId: session?.id,
    delivery: Promise.all([realtime, live]).then(([r, l]) => ({
      ...(r && { realtime: r }),
      ...(l && { live: l }),
    })),
  };
}

const asSipUri = (value: string) =>
  value.startsWith('sip:') ? value : `sip:${value}@sip.example.com`;

/** One phone call, one INVITE: both webhooks carry the same headers. */
function sipHeaders(request: IncomingCallRequest): { name: string; value: string }[] {
  return [
    { name: 'From', value: asSipUri(request.from) },
    { name: 'To', value: asSipUri(request.to) },
    { name: 'Call-ID', value: crypto.randomUUID() },
  ];
}
