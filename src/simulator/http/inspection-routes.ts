import { OpenAIError } from '../protocol/openai-error.js';
import type { EventSink, Via } from '../call/call-types.js';
import { closeQuietly, type DeliveryFault } from '../call/event-delivery.js';
import type { RealtimeCall } from '../call/realtime-call.js';
import type { DeliveryResult } from '../sip/incoming-call-webhook.js';
import { ringIncomingCall } from '../sip/ring-incoming-call.js';
import { readJson, sendEmpty, sendJson } from './http-io.js';
import type { Route } from './router.js';

/** `/__sim/*`: inspection and fault injection for tests; off unless the simulator enables it. */

function summary(call: RealtimeCall) {
  return {
    id: call.id,
    kind: call.kind,
    state: call.state,
    created_at: call.createdAt,
    model: call.session.model,
    ended_reason: call.endedReason ?? null,
    sidebands: [...call.sinks].filter((sink) => sink.via === 'sideband').length,
  };
}

function requireText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw OpenAIError.invalidRequest(
      `'${field}' must be a non-empty string.`,
      'invalid_value',
      field,
    );
  }
  return value;
}

const listCalls: Route = {
  method: 'GET',
  pattern: /^\/__sim\/calls$/,
  async handle(ctx, req, res) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    sendJson(res, 200, { data: ctx.calls.all().map(summary) });
  },
};

const getCall: Route = {
  method: 'GET',
  pattern: /^\/__sim\/calls\/([^/]+)$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const call = ctx.calls.find(callId);
    if (!call) throw OpenAIError.callNotFound();
    sendJson(res, 200, {
      ...summary(call),
      session: call.session,
      conversation: call.conversation.list(),
      audio: call.audioStats,
      events: call.log,
    });
  },
};

const say: Route = {
  method: 'POST',
  pattern: /^\/__sim\/calls\/([^/]+)\/say$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const call = ctx.calls.live(callId);
    const body = await readJson(req);
    const text = requireText(body, 'text');
    const fails = body.transcription_fails;
    if (fails !== undefined && typeof fails !== 'boolean')
      throw OpenAIError.invalidRequest(
        "'transcription_fails' must be a boolean.",
        'invalid_value',
        'transcription_fails',
      );
    if (call.state !== 'active')
      throw OpenAIError.invalidRequest('The call has not been accepted yet.', 'invalid_value');
    call.spoken.inject({ text, transcriptionFails: fails === true });
    sendEmpty(res, 202);
  },
};

/** DTMF a SIP caller presses: one `input_audio_buffer.dtmf_event_received` per key. */
const dtmf: Route = {
  method: 'POST',
  pattern: /^\/__sim\/calls\/([^/]+)\/dtmf$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const call = ctx.calls.live(callId);
    const digits = requireText(await readJson(req), 'digits');
    if (!/^[0-9*#A-D]{1,32}$/.test(digits))
      throw OpenAIError.invalidRequest(
        "'digits' must be 1-32 DTMF keys (0-9, *, #, A-D).",
        'invalid_value',
        'digits',
      );
    if (call.kind !== 'sip')
      throw OpenAIError.invalidRequest('DTMF arrives only on SIP calls.', 'invalid_value');
    if (call.state !== 'active')
      throw OpenAIError.invalidRequest('The call has not been accepted yet.', 'invalid_value');
    for (const key of digits)
      call.emit({
        type: 'input_audio_buffer.dtmf_event_received',
        event: key,
        received_at: Math.floor(Date.now() / 1000),
      });
    sendEmpty(res, 202);
  },
};

const dropSideband: Route = {
  method: 'POST',
  pattern: /^\/__sim\/calls\/([^/]+)\/drop-sideband$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    sendJson(res, 200, { dropped: dropSidebands(ctx.calls.live(callId)) });
  },
};

/** What a Realtime call and a Live session share: connections that can be dropped. */
interface WithSinks {
  readonly sinks: Set<EventSink>;
  detach(sink: EventSink): void;
  fault(via: Via, fault: DeliveryFault): void;
}

/** Drops every sideband as a network failure would (1006): the server must reconnect. */
export function dropSidebands(target: WithSinks): number {
  let dropped = 0;
  for (const sink of [...target.sinks]) {
    if (sink.via !== 'sideband') continue;
    target.detach(sink);
    closeQuietly(sink, 1006, 'dropped by simulator', (fault) => target.fault(sink.via, fault));
    dropped += 1;
  }
  return dropped;
}

/** `apis`: which APIs the project's webhook listens with (default both). */
function apisOf(value: unknown): ('realtime' | 'live')[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((api) => api === 'realtime' || api === 'live')
  )
    throw OpenAIError.invalidRequest(
      "'apis' must be a non-empty array of 'realtime' and 'live'.",
      'invalid_value',
      'apis',
    );
  return value as ('realtime' | 'live')[];
}

const incomingSipCall: Route = {
  method: 'POST',
  pattern: /^\/__sim\/sip\/incoming$/,
  async handle(ctx, req, res) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const body = await readJson(req);
    const request = {
      webhookUrl: requireText(body, 'webhook_url'),
      secret: requireText(body, 'secret'),
      from: requireText(body, 'from'),
      to: requireText(body, 'to'),
      apis: apisOf(body.apis),
    };
    const incoming = ringIncomingCall(ctx, request);
    const delivery = await incoming.delivery;
    const shown = (result?: DeliveryResult) =>
      result && {
        delivered: result.delivered,
        attempts: result.attempts,
        last_status: result.lastStatus,
      };
    sendJson(res, 200, {
      call_id: incoming.callId ?? null,
      session_id: incoming.sessionId ?? null,
      deliveries: {
        realtime: shown(delivery.realtime) ?? null,
        live: shown(delivery.live) ?? null,
      },
    });
  },
};

export const inspectionRoutes: readonly Route[] = [
  listCalls,
  getCall,
  say,
  dtmf,
  dropSideband,
  incomingSipCall,
];
