import type { LiveSession } from '../live/live-session.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { readJson, sendEmpty, sendJson } from './http-io.js';
import { dropSidebands } from './inspection-routes.js';
import type { Route } from './router.js';

/** `/__sim/live/*`: Live sessions as tests inspect them (off unless the simulator enables it). */

function summary(session: LiveSession) {
  return {
    id: session.id,
    kind: session.kind,
    state: session.state,
    created_at: session.startedAt,
    model: session.resource.model,
    closed_reason: session.closedReason ?? null,
    muted: session.muted,
    sidebands: [...session.sinks].filter((sink) => sink.via === 'sideband').length,
  };
}

const listSessions: Route = {
  method: 'GET',
  pattern: /^\/__sim\/live\/sessions$/,
  async handle(ctx, req, res) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    sendJson(res, 200, { data: ctx.live.all().map(summary) });
  },
};

const getSession: Route = {
  method: 'GET',
  pattern: /^\/__sim\/live\/sessions\/([^/]+)$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const session = ctx.live.find(sessionId) ?? ctx.live.live(sessionId);
    sendJson(res, 200, {
      ...summary(session),
      session: session.resource,
      appended: session.appended,
      delegations: [...session.delegations.all.values()].map((d) => ({
        id: d.id,
        target: d.target,
        status: d.status,
        offset_ms: d.offsetMs,
        response_ids: d.responseIds,
        calls: [
          ...d.hostedCalls.map((c) => ({ name: c.tool, hosted: true, output: c.output })),
          ...d.functionCalls.map((c) => ({
            name: c.name,
            hosted: false,
            call_id: c.callId,
            arguments: c.arguments,
            output: c.output ?? null,
          })),
        ],
        commentary: d.commentary,
      })),
      heard: session.voice.heard,
      spoken: session.voice.spoken,
      audio: session.audioStats,
      events: session.log,
    });
  },
};

/** A caller turn with the given transcript, as if spoken (the simulator cannot hear words). */
const say: Route = {
  method: 'POST',
  pattern: /^\/__sim\/live\/sessions\/([^/]+)\/say$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const session = ctx.live.live(sessionId);
    const { text } = await readJson(req);
    if (typeof text !== 'string' || text.trim() === '')
      throw OpenAIError.invalidRequest(
        "'text' must be a non-empty string.",
        'invalid_value',
        'text',
      );
    if (session.state !== 'active')
      throw OpenAIError.invalidRequest('The session has not started yet.', 'invalid_value');
    session.voice.inject({ text });
    sendEmpty(res, 202);
  },
};

/** The caller presses keys on a SIP session: `transport.dtmf.received` on the sideband only. */
const dtmf: Route = {
  method: 'POST',
  pattern: /^\/__sim\/live\/sessions\/([^/]+)\/dtmf$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const session = ctx.live.live(sessionId);
    const { digits } = await readJson(req);
    if (typeof digits !== 'string' || !/^[0-9*#A-D]{1,32}$/.test(digits))
      throw OpenAIError.invalidRequest(
        "'digits' must be 1-32 DTMF keys (0-9, *, #, A-D).",
        'invalid_value',
        'digits',
      );
    if (session.kind !== 'sip')
      throw OpenAIError.invalidRequest('DTMF arrives only on SIP sessions.', 'invalid_value');
    if (session.state !== 'active')
      throw OpenAIError.invalidRequest('The session has not been accepted yet.', 'invalid_value');
    for (const key of digits)
      session.emit({ type: 'transport.dtmf.received', event: key }, 'sideband');
    sendEmpty(res, 202);
  },
};

/** Drops the session's sidebands (1006), so a test sees how the server reconnects. */
const dropSideband: Route = {
  method: 'POST',
  pattern: /^\/__sim\/live\/sessions\/([^/]+)\/drop-sideband$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    sendJson(res, 200, { dropped: dropSidebands(ctx.live.live(sessionId)) });
  },
};

export const liveInspectionRoutes: readonly Route[] = [
  listSessions,
  getSession,
  say,
  dtmf,
  dropSideband,
];
