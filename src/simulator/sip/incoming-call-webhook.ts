import { setTimeout as sleep } from 'node:timers/promises';

import { Webhook } from 'standardwebhooks';

import { ids } from '../ids.js';

export interface IncomingCallRequest {
  /** Where the project's webhooks (`realtime.call.incoming`, `live.transport.incoming`) go. */
  readonly webhookUrl: string;
  /** `whsec_…` signing secret (Standard Webhooks). */
  readonly secret: string;
  /** Caller, e.g. `+14155550100` or a SIP URI. */
  readonly from: string;
  /** Called number, e.g. `+18005550123`. */
  readonly to: string;
  /**
   * The APIs the project's webhook listens with (default both): each gets its ringing twin and
   * its own webhook.
   */
  readonly apis?: readonly ('realtime' | 'live')[];
}

export interface DeliveryPolicy {
  /** Total attempts, first included. */
  readonly attempts: number;
  /** Delay before the first retry; doubles after each failure. */
  readonly baseDelayMs: number;
}

export interface DeliveryResult {
  readonly delivered: boolean;
  readonly attempts: number;
  /** HTTP status of the last attempt; 0 when the endpoint could not be reached. */
  readonly lastStatus: number;
}

type SipHeader = { readonly name: string; readonly value: string };

function webhookEvent(type: string, data: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'event',
    id: ids.webhookEvent(),
    type,
    created_at: Math.floor(Date.now() / 1000),
    data,
  });
}

/** `realtime.call.incoming`: the call is offered to the Realtime API by its `call_id`. */
export function incomingCallEvent(callId: string, sipHeaders: readonly SipHeader[]): string {
  return webhookEvent('realtime.call.incoming', { call_id: callId, sip_headers: sipHeaders });
}

/**
 * `live.transport.incoming`: the same call offered to the Live API by its `session_id`. The
 * simulated trunk negotiates SRTP, as OpenAI's SIP requires.
 */
export function liveTransportIncomingEvent(
  sessionId: string,
  sipHeaders: readonly SipHeader[],
): string {
  return webhookEvent('live.transport.incoming', {
    type: 'sip',
    session_id: sessionId,
    sip_headers: sipHeaders,
    sip_media_security: 'srtp',
  });
}

/**
 * Delivers a webhook signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256>`), retrying non-2xx answers with exponential backoff
 * a bounded number of times. Each attempt keeps the same `webhook-id`, so receivers can dedupe.
 */
export async function deliverWebhook(
  url: string,
  secret: string,
  body: string,
  policy: DeliveryPolicy,
): Promise<DeliveryResult> {
  const signer = new Webhook(secret);
  const messageId = ids.webhookDelivery();
  let lastStatus = 0;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const now = new Date();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)',
          'webhook-id': messageId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signer.sign(messageId, now, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      lastStatus = res.status;
      await res.body?.cancel();
      if (res.ok) return { delivered: true, attempts: attempt, lastStatus };
    } catch {
      lastStatus = 0;
    }
    if (attempt < policy.attempts) await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
  }
  return { delivered: false, attempts: policy.attempts, lastStatus };
}
