import type { LiveSession } from '../live/live-session.js';
import { resolveLiveSession, validateLiveSessionConfig } from '../protocol/live-session-config.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { SimulatorContext } from '../simulator-context.js';
import { readJson, sendEmpty } from './http-io.js';
import { referTarget, sipRejectStatus } from '../sip/sip-params.js';
import type { Route } from './router.js';

/**
 * `/v1/live/sessions/{id}/accept|reject|refer|hangup`: call control of an incoming SIP session
 * (announced by `live.transport.incoming`), with the standard key. A phone call offered to both
 * APIs belongs to the first that accepts it; the other API's controls then fail.
 */

function refuseUnknown(body: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(body).find((key) => !known.includes(key));
  if (unknown)
    throw OpenAIError.invalidRequest(
      `Unknown parameter: '${unknown}'.`,
      'unknown_parameter',
      unknown,
    );
}

/** A live SIP session this API may control (not one the Realtime API answered). */
function sipSession(ctx: SimulatorContext, sessionId: string, action: string): LiveSession {
  ctx.phoneCalls.ensureOwnedBy(sessionId, 'live');
  const session = ctx.live.live(sessionId);
  if (session.kind !== 'sip')
    throw OpenAIError.invalidRequest(
      `Session ${sessionId} is not a SIP session; ${action} applies to incoming SIP sessions only (end a WebRTC or WebSocket session with session.close).`,
      'invalid_value',
      'session_id',
    );
  return session;
}

function requireRinging(session: LiveSession): void {
  if (session.state !== 'ringing')
    throw OpenAIError.invalidRequest(
      `Session ${session.id} has already been accepted.`,
      'session_already_accepted',
      'session_id',
    );
}

const accept: Route = {
  method: 'POST',
  pattern: /^\/v1\/live\/sessions\/([^/]+)\/accept$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.requireLiveKey(req.headers.authorization);
    const session = sipSession(ctx, sessionId, 'accept');
    const body = await readJson(req);
    refuseUnknown(body, ['session']);
    if (body.session === undefined)
      throw OpenAIError.invalidRequest(
        "Missing required parameter: 'session'.",
        'missing_required_parameter',
        'session',
      );
    const validated = validateLiveSessionConfig(body.session, {
      transport: 'sip',
      param: 'session',
    });
    requireRinging(session);
    const expiresAt = Math.ceil((ctx.now() + ctx.maxLiveDurationMs) / 1000);
    ctx.phoneCalls.answered(sessionId, 'live');
    // Started before the twin ends: a twin that ends while this one rings takes it along.
    session.activate((id) => resolveLiveSession(validated, { id, expiresAt }));
    const twin = ctx.phoneCalls.twinOf(sessionId, 'live');
    if (twin) ctx.calls.find(twin)?.end('answered_through_live');
    sendEmpty(res);
  },
};

const reject: Route = {
  method: 'POST',
  pattern: /^\/v1\/live\/sessions\/([^/]+)\/reject$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.requireLiveKey(req.headers.authorization);
    const session = sipSession(ctx, sessionId, 'reject');
    const body = await readJson(req);
    refuseUnknown(body, ['status_code']);
    const status = body.status_code;
    // Required on Live (Realtime defaults it to 603).
    if (status === undefined)
      throw OpenAIError.invalidRequest(
        "Missing required parameter: 'status_code'.",
        'missing_required_parameter',
        'status_code',
      );
    const code = sipRejectStatus(status);
    requireRinging(session);
    session.end('close_requested', `rejected:${code}`);
    sendEmpty(res);
  },
};

const refer: Route = {
  method: 'POST',
  pattern: /^\/v1\/live\/sessions\/([^/]+)\/refer$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.requireLiveKey(req.headers.authorization);
    const session = sipSession(ctx, sessionId, 'refer');
    const body = await readJson(req);
    refuseUnknown(body, ['target_uri']);
    const target = referTarget(body.target_uri);
    if (session.state !== 'active')
      throw OpenAIError.invalidRequest(
        `Session ${sessionId} must be accepted before it can be referred.`,
        'invalid_value',
        'session_id',
      );
    // The caller leaves for the target: the session ends as an application request.
    session.close('close_requested', null, `referred:${target}`);
    sendEmpty(res);
  },
};

const hangup: Route = {
  method: 'POST',
  pattern: /^\/v1\/live\/sessions\/([^/]+)\/hangup$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.requireLiveKey(req.headers.authorization);
    const session = sipSession(ctx, sessionId, 'hangup');
    // A ringing call hung up before an answer is simply gone (no session ever started).
    if (session.state === 'ringing') session.end('close_requested', 'hangup');
    else session.close('close_requested', null, 'hangup');
    sendEmpty(res);
  },
};

export const liveSipRoutes: readonly Route[] = [accept, reject, refer, hangup];
