import { newLiveSession } from '../live/start-live-session.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { answerOffer } from '../transport/webrtc-answerer.js';
import { readJson, sendJson } from './http-io.js';
import type { Route } from './router.js';

type Json = Record<string, unknown>;

/** `{ type: "webrtc", sdp }`, strictly. */
function offerOf(transport: unknown): string {
  if (typeof transport !== 'object' || transport === null || Array.isArray(transport))
    throw OpenAIError.invalidRequest(
      "Missing required parameter: 'transport'.",
      'missing_required_parameter',
      'transport',
    );
  const { type, sdp, ...rest } = transport as Json;
  const unknown = Object.keys(rest)[0];
  if (unknown)
    throw OpenAIError.invalidRequest(
      `Unknown parameter: 'transport.${unknown}'.`,
      'unknown_parameter',
      `transport.${unknown}`,
    );
  if (type !== 'webrtc')
    throw OpenAIError.invalidRequest(
      "Invalid value for 'transport.type': supported values are: 'webrtc'.",
      'invalid_value',
      'transport.type',
    );
  if (typeof sdp !== 'string' || !sdp.trim())
    throw OpenAIError.invalidRequest(
      "Missing required parameter: 'transport.sdp'.",
      'missing_required_parameter',
      'transport.sdp',
    );
  return sdp;
}

/**
 * `POST /v1/live/sessions`: the server exchanges the browser's SDP offer with its standard key
 * and gets the session id and the SDP answer. Everything is checked before the session exists.
 */
const createSession: Route = {
  method: 'POST',
  pattern: /^\/v1\/live\/sessions$/,
  async handle(ctx, req, res) {
    ctx.keys.requireLiveKey(req.headers.authorization);
    const body = await readJson(req);
    const unknown = Object.keys(body).find((key) => !['session', 'transport'].includes(key));
    if (unknown)
      throw OpenAIError.invalidRequest(
        `Unknown parameter: '${unknown}'.`,
        'unknown_parameter',
        unknown,
      );
    if (body.session === undefined)
      throw OpenAIError.invalidRequest(
        "Missing required parameter: 'session'.",
        'missing_required_parameter',
        'session',
      );
    const offer = offerOf(body.transport);
    if (!/^m=audio /m.test(offer) || !/^m=application /m.test(offer))
      throw OpenAIError.invalidRequest(
        'The SDP offer must contain one audio m-line and a data channel (m=application).',
        'invalid_offer',
        'transport.sdp',
      );
    const session = newLiveSession(ctx, 'webrtc', body.session);
    let answer: string;
    try {
      answer = await answerOffer(session, offer);
    } catch (error) {
      session.end('connection_lost');
      throw error instanceof OpenAIError && error.param === 'sdp'
        ? OpenAIError.invalidRequest(error.message, error.code, 'transport.sdp')
        : error;
    }
    // The simulator closed (or the session expired) while the offer was being answered.
    if (session.state === 'ended')
      throw new OpenAIError(
        500,
        'server_error',
        'session_ended',
        'The session ended before it could be answered.',
      );
    sendJson(res, 200, { session: { id: session.id }, transport: { type: 'webrtc', sdp: answer } });
  },
};

export const liveRoutes: readonly Route[] = [createSession];
