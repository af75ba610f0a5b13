import { createEffectiveSession } from '../protocol/session-config.js';
import { deliverWebhook, incomingCallEvent } from './incoming-call-webhook.js';
/**
 * A phone call arrives: a SIP call waits in `ringing` until someone accepts it (the session then
 * starts) or rejects it, and the project's webhook hears `realtime.call.incoming`.
 */ export function ringIncomingCall(ctx, request) {
    const call = ctx.calls.create('sip', createEffectiveSession(), 'ringing');
    const body = incomingCallEvent(call.id, request);
    return {
        callId: call.id,
        delivery: deliverWebhook(request.webhookUrl, request.secret, body, ctx.webhookDelivery)
    };
}

//# sourceMappingURL=ring-incoming-call.js.map