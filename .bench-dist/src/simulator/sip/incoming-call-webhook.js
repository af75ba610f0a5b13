import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { ids } from '../ids.js';
const asSipUri = (value)=>value.startsWith('sip:') ? value : `sip:${value}@sip.example.com`;
/** The webhook body OpenAI sends when a SIP call arrives for the project. */ export function incomingCallEvent(callId, request) {
    return JSON.stringify({
        object: 'event',
        id: ids.webhookEvent(),
        type: 'realtime.call.incoming',
        created_at: Math.floor(Date.now() / 1000),
        data: {
            call_id: callId,
            sip_headers: [
                {
                    name: 'From',
                    value: asSipUri(request.from)
                },
                {
                    name: 'To',
                    value: asSipUri(request.to)
                },
                {
                    name: 'Call-ID',
                    value: crypto.randomUUID()
                }
            ]
        }
    });
}
/**
 * Delivers a webhook signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256>`), retrying non-2xx answers with exponential backoff
 * a bounded number of times. Each attempt keeps the same `webhook-id`, so receivers can dedupe.
 */ export async function deliverWebhook(url, secret, body, policy) {
    const signer = new Webhook(secret);
    const messageId = ids.webhookDelivery();
    let lastStatus = 0;
    for(let attempt = 1; attempt <= policy.attempts; attempt++){
        const now = new Date();
        try {
            const res = await fetch(url, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json',
                    'user-agent': 'OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)',
                    'webhook-id': messageId,
                    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
                    'webhook-signature': signer.sign(messageId, now, body)
                },
                body,
                signal: AbortSignal.timeout(10_000)
            });
            lastStatus = res.status;
            await res.body?.cancel();
            if (res.ok) return {
                delivered: true,
                attempts: attempt,
                lastStatus
            };
        } catch  {
            lastStatus = 0;
        }
        if (attempt < policy.attempts) await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
    }
    return {
        delivered: false,
        attempts: policy.attempts,
        lastStatus
    };
}

//# sourceMappingURL=incoming-call-webhook.js.map