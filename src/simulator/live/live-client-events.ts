import { audioFormatOf, decodeToPcm, sampleRateOf } from '../call/audio-format.js';
import type { Via } from '../call/call-types.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { estimateTokens, validateLiveSessionUpdate } from '../protocol/live-session-config.js';
import type { LiveSession, LiveSessionResource } from './live-session.js';

type ClientEvent = Record<string, unknown>;
type Handler = (session: LiveSession, event: ClientEvent, via: Via) => void;

/** `session.{instructions,thinking,commentary}.append` carry at most this much. */
export const APPEND_TOKEN_LIMIT = 500;

function clientEventIdOf(event: ClientEvent): { client_event_id?: string } {
  return typeof event.event_id === 'string' ? { client_event_id: event.event_id } : {};
}

function delegationTypeOf(resource: LiveSessionResource): string {
  return (resource.delegation as { type?: string } | null | undefined)?.type ?? 'client';
}

/**
 * `content` (a string within the token limit) and `delegation_id` (required, nullable): a
 * non-null id must name a client delegation of this session; Responses sessions take none.
 */
function readAppend(session: LiveSession, event: ClientEvent): { content: string } {
  const { content } = event;
  if (typeof content !== 'string' || content.trim() === '')
    throw OpenAIError.invalidRequest(
      "Missing required parameter: 'content'.",
      'missing_required_parameter',
      'content',
    );
  const tokens = estimateTokens(content);
  if (tokens > APPEND_TOKEN_LIMIT)
    throw OpenAIError.invalidRequest(
      `'content' is about ${tokens} tokens; an append carries at most ${APPEND_TOKEN_LIMIT}. Split it or shorten it.`,
      'string_above_max_length',
      'content',
    );
  if (!('delegation_id' in event))
    throw OpenAIError.invalidRequest(
      "Missing required parameter: 'delegation_id' (send null for general session context).",
      'missing_required_parameter',
      'delegation_id',
    );
  const id = event.delegation_id;
  if (id === null) return { content };
  if (typeof id !== 'string')
    throw OpenAIError.invalidRequest(
      "Invalid type for 'delegation_id': expected a string or null.",
      'invalid_type',
      'delegation_id',
    );
  if (delegationTypeOf(session.resource) !== 'client')
    throw OpenAIError.invalidRequest(
      "Non-null 'delegation_id' values are not accepted with Responses delegation.",
      'invalid_value',
      'delegation_id',
    );
  if (!session.delegations.has(id))
    throw OpenAIError.invalidRequest(
      `No delegation '${id}' in this session.`,
      'delegation_not_found',
      'delegation_id',
    );
  return { content };
}

function appendHandler(kind: 'instructions' | 'thinking' | 'commentary'): Handler {
  return (session, event) => {
    const { content } = readAppend(session, event);
    const at = session.timelineMs();
    const delegationId = (event.delegation_id as string | null) ?? null;
    session.appended.push({ kind, content, delegationId, atMs: at });
    session.emit({
      type: `session.${kind}.appended`,
      start_ms: at,
      end_ms: at,
      ...clientEventIdOf(event),
    });
    session.delegations.appended(kind, content, delegationId);
  };
}

function muteHandler(muted: boolean): Handler {
  return (session, event) => {
    session.muted = muted;
    if (muted) session.voice.forgetOpenTurn();
    session.emit({
      type: muted ? 'session.input_audio.muted' : 'session.input_audio.unmuted',
      ...clientEventIdOf(event),
    });
  };
}

/**
 * Caller audio on a primary WebSocket, in the session's `audio.format` (no acknowledgement, as
 * documented). The browser's audio travels as RTP and a sideband only reflects it.
 */
const appendAudio: Handler = (session, event, via) => {
  if (via !== 'websocket')
    throw OpenAIError.invalidRequest(
      'session.input_audio.append is only accepted on a primary WebSocket; WebRTC and SIP carry audio as media.',
      'invalid_value',
      'type',
    );
  const { audio } = event;
  if (typeof audio !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(audio) || audio.length % 4 !== 0)
    throw OpenAIError.invalidRequest(
      "Invalid 'audio': expected base64-encoded audio in the session's audio.format.",
      'invalid_value',
      'audio',
    );
  const bytes = Buffer.from(audio, 'base64');
  session.inputAudioBytes += bytes.length;
  const format = audioFormatOf(session.resource.audio.format);
  session.pushCallerAudio(decodeToPcm(format, bytes), sampleRateOf(format));
};

/** Client events of the API the simulator does not play yet: said so, not called unknown. */
function notYet(type: string): Handler {
  return () => {
    throw OpenAIError.invalidRequest(
      `The simulator does not support '${type}' yet.`,
      'unsupported_by_simulator',
      'type',
    );
  };
}

/** Every Live client event the simulator takes, by type. */
export const LIVE_CLIENT_EVENT_HANDLERS: Record<string, Handler> = {
  'session.start': () => {
    throw OpenAIError.invalidRequest(
      'The session has already started; session.start is only the first event of a primary WebSocket.',
      'session_already_started',
      'type',
    );
  },
  'session.update': (session, event) => {
    const resource = validateLiveSessionUpdate(event.session, session.resource);
    session.resource = resource;
    session.emit({ type: 'session.updated', session: session.resource, ...clientEventIdOf(event) });
  },
  'session.input_audio.append': appendAudio,
  'session.input_audio.mute': muteHandler(true),
  'session.input_audio.unmute': muteHandler(false),
  'session.instructions.append': appendHandler('instructions'),
  'session.thinking.append': appendHandler('thinking'),
  'session.commentary.append': appendHandler('commentary'),
  'response.item.create': (session, event) => session.delegations.itemCreate(event.item),
  'response.create': (session, event) =>
    session.delegations.responseCreate(typeof event.event_id === 'string' ? event.event_id : null),
  'session.output_audio.fixture.play': notYet('session.output_audio.fixture.play'),
  'decision.create': notYet('decision.create'),
  'decision.item.create': notYet('decision.item.create'),
  'decision.item.delete': notYet('decision.item.delete'),
  'transport.dtmf.send': notYet('transport.dtmf.send'),
  'session.close': (session, event) => {
    session.close(
      'close_requested',
      typeof event.event_id === 'string' ? event.event_id : undefined,
    );
  },
};
