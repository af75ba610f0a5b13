import { OpenAIError } from '../protocol/openai-error.js';
import {
  createEffectiveSession,
  SIP_FORBIDDEN_VAD_FIELDS,
  validateSessionConfig,
} from '../protocol/session-config.js';
import { answerOffer } from '../transport/webrtc-answerer.js';
import {
  contentType,
  formText,
  readBody,
  readForm,
  readJson,
  sendEmpty,
  sendJson,
} from './http-io.js';
import { referTarget, sipRejectStatus } from '../sip/sip-params.js';
import type { Route } from './router.js';

type Json = Record<string, unknown>;

const DEFAULT_SECRET_TTL_SECONDS = 600;

function secretTtl(body: Json): number {
  const expiresAfter = body.expires_after as Json | undefined;
  if (expiresAfter === undefined) return DEFAULT_SECRET_TTL_SECONDS;
  if (
    typeof expiresAfter !== 'object' ||
    expiresAfter === null ||
    expiresAfter.anchor !== 'created_at'
  ) {
    throw OpenAIError.invalidRequest(
      "Invalid value for 'expires_after.anchor': supported values are: 'created_at'.",
      'invalid_value',
      'expires_after.anchor',
    );
  }
  const seconds = expiresAfter.seconds ?? DEFAULT_SECRET_TTL_SECONDS;
  if (!Number.isInteger(seconds) || (seconds as number) < 10 || (seconds as number) > 7200) {
    throw OpenAIError.invalidRequest(
      `Invalid 'expires_after.seconds': ${JSON.stringify(seconds)}. Expected an integer between 10 and 7200.`,
      'invalid_value',
      'expires_after.seconds',
    );
  }
  return seconds as number;
}

const clientSecrets: Route = {
  method: 'POST',
  pattern: /^\/v1\/realtime\/client_secrets$/,
  async handle(ctx, req, res) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const body = await readJson(req);
    const unknown = Object.keys(body).find((key) => !['expires_after', 'session'].includes(key));
    if (unknown) {
      throw OpenAIError.invalidRequest(
        `Unknown parameter: '${unknown}'.`,
        'unknown_parameter',
        unknown,
      );
    }
    const ttl = secretTtl(body);
    // `session` is optional (the real API then uses defaults); when given, `session.type` is required.
    const session =
      body.session === undefined
        ? { type: 'realtime' }
        : validateSessionConfig(body.session, 'session');
    const key = ctx.keys.mint(session, ttl);
    sendJson(res, 200, {
      value: key.value,
      expires_at: key.expiresAt,
      session: createEffectiveSession(session),
    });
  },
};

/**
 * `application/sdp` with an `ek_` key (the session comes from the key), or `multipart/form-data`
 * (`sdp` + optional `session`) with a standard key. The other pairings are refused: the real API
 * documents only these two, so the simulator takes the stricter reading.
 */
const createCall: Route = {
  method: 'POST',
  pattern: /^\/v1\/realtime\/calls$/,
  async handle(ctx, req, res) {
    const credential = ctx.keys.authenticate(req.headers.authorization);
    const type = contentType(req);
    let offer: string | undefined;
    let sessionRequest: Json = { type: 'realtime' };
    if (type === 'application/sdp') {
      if (credential.kind !== 'ephemeral') {
        throw OpenAIError.invalidRequest(
          'An application/sdp body needs an ephemeral key (ek_…); with a standard key send multipart/form-data with `sdp` and `session` parts.',
          'invalid_auth_for_content_type',
        );
      }
      offer = (await readBody(req)).toString('utf8');
      sessionRequest = credential.key.session;
    } else if (type === 'multipart/form-data') {
      ctx.keys.requireStandard(credential);
      const form = await readForm(req);
      offer = await formText(form, 'sdp');
      const session = await formText(form, 'session');
      if (session !== undefined)
        sessionRequest = validateSessionConfig(parseJson(session, 'session'), 'session');
    } else {
      throw OpenAIError.invalidRequest(
        `Unsupported content type '${type || '(none)'}'. Use application/sdp or multipart/form-data.`,
        'unsupported_content_type',
      );
    }
    if (!offer?.trim()) {
      throw OpenAIError.invalidRequest(
        "Missing required parameter: 'sdp'.",
        'missing_required_parameter',
        'sdp',
      );
    }
    const call = ctx.calls.create('webrtc', createEffectiveSession(sessionRequest));
    let answer: string;
    try {
      answer = await answerOffer(call, offer);
    } catch (error) {
      call.end('invalid_offer');
      throw error;
    }
    res.writeHead(201, {
      'content-type': 'application/sdp',
      location: `/v1/realtime/calls/${call.id}`,
    });
    res.end(answer);
  },
};

function parseJson(text: string, param: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw OpenAIError.invalidRequest(`Invalid JSON in '${param}'.`, 'invalid_json', param);
  }
}

const hangup: Route = {
  method: 'POST',
  pattern: /^\/v1\/realtime\/calls\/([^/]+)\/hangup$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    ctx.phoneCalls.ensureOwnedBy(callId, 'realtime');
    ctx.calls.live(callId).end('hangup');
    sendEmpty(res);
  },
};

function sipCall(ctx: Parameters<Route['handle']>[0], callId: string, action: string) {
  // A phone call the Live API accepted first is not this API's to control.
  ctx.phoneCalls.ensureOwnedBy(callId, 'realtime');
  const call = ctx.calls.live(callId);
  if (call.kind !== 'sip') {
    throw OpenAIError.invalidRequest(
      `Call ${callId} is not a SIP call; ${action} applies to SIP calls only.`,
      'invalid_value',
      'call_id',
    );
  }
  return call;
}

const accept: Route = {
  method: 'POST',
  pattern: /^\/v1\/realtime\/calls\/([^/]+)\/accept$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const call = sipCall(ctx, callId, 'accept');
    const body = validateSessionConfig(await readJson(req), '');
    const turnDetection = ((body.audio as Json | undefined)?.input as Json | undefined)
      ?.turn_detection as Json | null | undefined;
    const forbidden = SIP_FORBIDDEN_VAD_FIELDS.find(
      (field) => turnDetection?.[field] !== undefined,
    );
    if (forbidden) {
      throw OpenAIError.invalidRequest(
        `'audio.input.turn_detection.${forbidden}' is not supported when accepting a SIP call; omit it.`,
        'unsupported_parameter',
        `audio.input.turn_detection.${forbidden}`,
      );
    }
    if (call.state !== 'ringing') {
      throw OpenAIError.invalidRequest(
        `Call ${callId} has already been accepted.`,
        'call_already_accepted',
      );
    }
    const session = createEffectiveSession(body);
    ctx.phoneCalls.answered(callId, 'realtime');
    // Started before the twin ends: a twin that ends while this one rings takes it along.
    call.activate(session);
    const twin = ctx.phoneCalls.twinOf(callId, 'realtime');
    if (twin) ctx.live.find(twin)?.end('close_requested', 'answered_through_realtime');
    sendEmpty(res);
  },
};

const reject: Route = {
  method: 'POST',
  pattern: /^\/v1\/realtime\/calls\/([^/]+)\/reject$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const call = sipCall(ctx, callId, 'reject');
    const body = await readJson(req, true);
    const status = sipRejectStatus(body.status_code ?? 603);
    call.end(`rejected:${status}`);
    sendEmpty(res);
  },
};

const refer: Route = {
  method: 'POST',
  pattern: /^\/v1\/realtime\/calls\/([^/]+)\/refer$/,
  async handle(ctx, req, res, [callId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const call = sipCall(ctx, callId, 'refer');
    const body = await readJson(req, true);
    const target = referTarget(body.target_uri);
    if (call.state !== 'active') {
      throw OpenAIError.invalidRequest(
        `Call ${callId} must be accepted before it can be referred.`,
        'invalid_value',
      );
    }
    call.end(`referred:${target}`);
    sendEmpty(res);
  },
};

export const realtimeRoutes: readonly Route[] = [
  clientSecrets,
  createCall,
  hangup,
  accept,
  reject,
  refer,
];
