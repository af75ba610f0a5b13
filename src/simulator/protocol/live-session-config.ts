/**
 * Strict validation and resolution of GPT-Live session configs (`/v1/live/sessions`), transcribed
 * from the `openai` 7.59 types (`resources/live/live.d.ts`, `live/sessions.d.ts`). The real config
 * "rejects unknown fields", so every object here refuses fields it does not list. Pure: no I/O.
 */
import { Ajv } from 'ajv';

import { OpenAIError } from './openai-error.js';

/** The built-in voices (`BuiltInVoice`). */
export const LIVE_BUILT_IN_VOICES = [
  'alloy', 'ash', 'ballad', 'beacon', 'bossa', 'cedar', 'cinder', 'coral', 'delta', 'echo', 'gleam',
  'marin', 'meridian', 'quartz', 'ripple', 'sage', 'shida', 'shimmer', 'stone', 'tempo', 'verse',
  'vesper', 'willow',
] as const; // prettier-ignore

/** Every client event type of the `ClientEvent` union. */
export const LIVE_CLIENT_EVENT_TYPES = [
  'session.start', 'session.update', 'session.input_audio.append', 'session.input_audio.mute',
  'session.input_audio.unmute', 'session.output_audio.fixture.play', 'session.instructions.append',
  'session.thinking.append', 'session.commentary.append', 'decision.create', 'decision.item.create',
  'decision.item.delete', 'response.item.create', 'response.create', 'session.close',
] as const; // prettier-ignore

/** Every server event type of the `ServerEvent` union (sideband-only `transport.*` included). */
export const LIVE_SERVER_EVENT_TYPES = [
  'session.started', 'session.updated', 'session.input_audio.muted', 'session.input_audio.unmuted',
  'session.output_audio.fixture.playing', 'session.output_audio.fixture.played',
  'session.instructions.appended', 'session.thinking.appended', 'session.commentary.appended',
  'session.input_audio.append', 'session.output_audio.delta', 'session.input_transcript.delta',
  'session.output_transcript.delta', 'session.delegation.created', 'decision.event',
  'decision.item.created', 'decision.item.deleted', 'response.event', 'session.usage.updated',
  'session.closed', 'error', 'info', 'transport.dtmf.received', 'transport.dtmf.send',
  'transport.dtmf.sent', 'transport.ringing', 'transport.answered', 'transport.failed',
] as const; // prettier-ignore

/** Tool types a Responses backend runs itself (every `tools` member but `function`). */
export const LIVE_HOSTED_TOOL_TYPES = [
  'web_search', 'file_search', 'code_interpreter', 'shell', 'image_generation', 'mcp', 'custom',
  'namespace', 'tool_search', 'programmatic_tool_calling', 'computer', 'apply_patch',
] as const; // prettier-ignore

/** Documented limits, in `estimateTokens` tokens where they count tokens. */
export const LIVE_SESSION_LIMITS = {
  instructionsTokens: 16_384,
  inputMessages: 128,
  inputTokens: 8_192,
  /** `session.{instructions,thinking,commentary}.append` content. */
  appendTokens: 500,
} as const;

export type LiveTransport = 'webrtc' | 'websocket' | 'sip';
export type LiveClientEventType = (typeof LIVE_CLIENT_EVENT_TYPES)[number];
export type LiveServerEventType = (typeof LIVE_SERVER_EVENT_TYPES)[number];
export type LiveBuiltInVoice = (typeof LIVE_BUILT_IN_VOICES)[number];
export type LiveVoice = LiveBuiltInVoice | { id: string };
export type LiveAudioFormat =
  { type: 'audio/pcm'; rate: 16000 | 24000 } | { type: 'audio/pcmu' | 'audio/pcma'; rate: 8000 };

export interface LiveAudioConfig {
  format?: LiveAudioFormat;
  output?: { voice?: LiveVoice };
}

interface InitialItemBase {
  type?: 'message';
  id?: string | null;
  status?: 'incomplete' | 'completed' | null;
}
/** A startup history message: exactly one text part, typed by role. */
export type LiveInitialItem = InitialItemBase &
  (
    | { role: 'developer' | 'user'; content: { type?: 'input_text'; text: string }[] }
    | { role: 'assistant'; content: { type?: 'text' | 'output_text'; text: string }[] }
  );

export interface LiveServerEventSelector {
  type: LiveServerEventType;
  /** Required for `response.event`, forbidden otherwise. */
  response_event?: string;
}
export interface LiveDataChannelConfig {
  allowed_client_events?: 'all' | LiveClientEventType[];
  allowed_server_events?: 'all' | LiveServerEventSelector[];
}

export interface LiveFunctionTool {
  type: 'function';
  name: string;
  description?: string | null;
  parameters?: Record<string, unknown> | null;
  strict?: boolean | null;
}
/** A hosted tool: only its `type` is checked (see `hostedTool`). */
export type LiveHostedTool = { type: (typeof LIVE_HOSTED_TOOL_TYPES)[number] } & Record<
  string,
  unknown
>;
export type LiveTool = LiveFunctionTool | LiveHostedTool;

const NAMELESS_CHOICE_TYPES = [
  'file_search', 'web_search', 'web_search_preview', 'image_generation', 'computer',
  'code_interpreter', 'programmatic_tool_calling', 'shell', 'apply_patch',
] as const; // prettier-ignore
export type LiveForcedTool =
  | { type: 'function' | 'custom'; name: string }
  | { type: 'mcp'; name: string; server_label: string }
  | { type: (typeof NAMELESS_CHOICE_TYPES)[number] };
export type LiveToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | LiveForcedTool
  | { type: 'allowed_tools'; tools: LiveForcedTool[]; mode?: 'none' | 'auto' | 'required' | null };

export interface LiveResponsesBackend {
  model: string;
  instructions?: string | null;
  max_output_tokens?: number | null;
  parallel_tool_calls?: boolean | null;
  reasoning?: {
    effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | null;
    summary?: 'concise' | 'detailed' | 'auto' | null;
  } | null;
  service_tier?: 'auto' | 'default' | 'fast_tier_temp_pilot' | 'flex' | 'priority' | 'ultrafast' | null;
  text?: { verbosity?: 'low' | 'medium' | 'high' | null } | null;
  tool_choice?: LiveToolChoice;
  tools?: LiveTool[];
} // prettier-ignore

export type LiveDecisionPart =
  | { type: 'input_text'; text: string }
  | { type: 'input_image'; image_url: string; detail?: 'low' | 'high' | 'auto' | 'original' | null }
  | { type: 'input_json'; data: Record<string, unknown> | Record<string, unknown>[] };
type DecisionInstructions = string | LiveDecisionPart[];
export type LiveDecisionQuestion =
  | {
      type: 'choice';
      choices: { value: string | boolean; description?: string }[];
      instructions: DecisionInstructions;
      name?: string;
    }
  | { type: 'predicate'; instructions: DecisionInstructions; name?: string }
  | {
      type: 'score';
      levels: { label: string; description?: string }[];
      instructions: DecisionInstructions;
      name?: string;
    };
export interface LiveDecisionsBackend {
  model: string;
  questions: LiveDecisionQuestion[];
}
export interface LiveDecisionTrigger {
  type: 'decisions';
  event_type: 'session.input_transcript.delta' | 'session.output_transcript.delta';
  decisions: { questions: LiveDecisionQuestion[] };
}

export type LiveDelegation =
  | { type: 'client'; acknowledgement_delay_ms?: number }
  | { type: 'responses'; responses: LiveResponsesBackend; acknowledgement_delay_ms?: number }
  | { type: 'decisions'; decisions: LiveDecisionsBackend; acknowledgement_delay_ms?: number };
export type LiveResolvedDelegation = LiveDelegation & { acknowledgement_delay_ms: number };

/** A validated session config (`MediaSessionConfig`, `SessionConfig` or SIP accept `session`). */
export interface LiveSessionConfig {
  /** SIP accept only. */
  type?: 'live';
  model: string;
  audio?: LiveAudioConfig;
  client?: { data_channel: LiveDataChannelConfig };
  delegation?: LiveDelegation | null;
  input?: LiveInitialItem[];
  instructions?: string | null;
  safety_identifier?: string | null;
  store?: boolean;
  triggers?: LiveDecisionTrigger[];
}

/** The resolved session (`SessionResource`) that `session.started` and `session.updated` carry. */
export type LiveSession = {
  id: string;
  /** Unix seconds. */
  expires_at: number;
  model: string;
  status: 'active';
  /** `format` only on a primary WebSocket. */
  audio: { format?: LiveAudioFormat; output: { voice: LiveVoice } };
  /** Only on WebRTC, the one transport with a frontend data channel. */
  client?: { data_channel: Required<LiveDataChannelConfig> };
  delegation: LiveResolvedDelegation;
  input: LiveInitialItem[];
  /** Null when omitted: the server's default instructions apply. */
  instructions: string | null;
  safety_identifier: string | null;
  store: boolean;
  triggers: LiveDecisionTrigger[];
};

/** A config validated for one transport: resolving it depends on the transport. */
export interface ValidatedLiveSessionConfig {
  readonly transport: LiveTransport;
  readonly session: LiveSessionConfig;
}

export interface LiveValidationOptions {
  transport: LiveTransport;
  /** Prefix of every error `param`, e.g. `session`. */
  param?: string;
}

export interface LiveSessionIdentity {
  id: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Estimated tokens in `text`: UTF-8 bytes / 4, rounded up. No tokenizer is available offline.
 * About 4 characters per token is OpenAI's rule of thumb for English; counting bytes instead of
 * characters makes non-Latin scripts (more tokens per character) count higher, so limits err
 * towards refusing. Words × 4/3 would undercount scripts without spaces and unbroken strings.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 4);
}

/**
 * Validates a session config for its transport and throws the `OpenAIError` the real API would
 * send, `param` naming the offending field. The config is a deep copy holding only known fields.
 */
export function validateLiveSessionConfig(
  value: unknown,
  { transport, param = 'session' }: LiveValidationOptions,
): ValidatedLiveSessionConfig {
  assertShallow(value, param);
  return { transport, session: SESSION_CHECKS[transport](value, param) };
}

/** Deeper than any real config (a JSON schema of a tool included); copying deeper overflows the stack. */
const MAX_NESTING = 64;

/** Refuses a value nested deeper than `MAX_NESTING`, walking it without recursion. */
export function assertShallow(value: unknown, param: string): void {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_NESTING)
      throw OpenAIError.invalidRequest(
        `'${param}' is nested more than ${MAX_NESTING} levels deep.`,
        'invalid_value',
        param,
      );
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
}

/** The session as `session.started` reports it, with every default filled in. */
export function resolveLiveSession(
  { transport, session: config }: ValidatedLiveSessionConfig,
  { id, expiresAt }: LiveSessionIdentity,
): LiveSession {
  const dataChannel = config.client?.data_channel;
  const delegation = config.delegation ?? { type: 'client' };
  return structuredClone({
    id,
    expires_at: expiresAt,
    model: config.model,
    status: 'active',
    audio: {
      ...(transport === 'websocket' && { format: config.audio?.format ?? DEFAULT_FORMAT }),
      output: { voice: config.audio?.output?.voice ?? DEFAULT_VOICE },
    },
    // "Omission preserves the existing allow-all behavior."
    ...(transport === 'webrtc' && {
      client: {
        data_channel: {
          allowed_client_events: dataChannel?.allowed_client_events ?? 'all',
          allowed_server_events: dataChannel?.allowed_server_events ?? 'all',
        },
      },
    }),
    delegation: {
      ...delegation,
      acknowledgement_delay_ms:
        delegation.acknowledgement_delay_ms ?? DEFAULT_ACKNOWLEDGEMENT_DELAY_MS[delegation.type],
    },
    input: config.input ?? [],
    instructions: config.instructions ?? null,
    safety_identifier: config.safety_identifier ?? null,
    store: config.store ?? false,
    triggers: config.triggers ?? [],
  });
}

/**
 * Applies the `session` of a `session.update` (`SessionUpdateConfig`): a sparse change of the
 * delegation backend of the same delegation type, or a replacement of `triggers`. Returns the new
 * resolved session; `current` is left untouched.
 */
export function validateLiveSessionUpdate(value: unknown, current: LiveSession): LiveSession {
  if (value === undefined) throw fail.missing('session');
  assertShallow(value, 'session');
  const update = SESSION_UPDATE(value, 'session');
  const delegation =
    update.delegation === undefined
      ? current.delegation
      : update.delegation === null
        ? mergeDelegation(current.delegation, { type: 'client' }, 'session.delegation')
        : mergeDelegation(current.delegation, update.delegation, 'session.delegation.type');
  return structuredClone({ ...current, delegation, triggers: update.triggers ?? current.triggers });
}

type DelegationUpdate =
  | { type: 'client'; acknowledgement_delay_ms?: number }
  | { type: 'responses'; responses?: Partial<LiveResponsesBackend>; acknowledgement_delay_ms?: number }
  | { type: 'decisions'; decisions?: Partial<LiveDecisionsBackend>; acknowledgement_delay_ms?: number }; // prettier-ignore

function mergeDelegation(
  current: LiveResolvedDelegation,
  patch: DelegationUpdate,
  param: string,
): LiveResolvedDelegation {
  if (patch.type !== current.type) {
    throw fail.value(
      param,
      `${show(patch.type)}. The delegation type cannot change after the session has started (this session uses ${show(current.type)} delegation).`,
    );
  }
  // "Omission in a session update preserves the current value."
  const acknowledgement_delay_ms =
    patch.acknowledgement_delay_ms ?? current.acknowledgement_delay_ms;
  if (current.type === 'responses' && patch.type === 'responses') {
    const responses = { ...current.responses, ...patch.responses };
    return { ...current, responses, acknowledgement_delay_ms };
  }
  if (current.type === 'decisions' && patch.type === 'decisions') {
    const decisions = { ...current.decisions, ...patch.decisions };
    return { ...current, decisions, acknowledgement_delay_ms };
  }
  return { ...current, acknowledgement_delay_ms };
}

const DEFAULT_FORMAT: LiveAudioFormat = { type: 'audio/pcm', rate: 24000 };
const DEFAULT_VOICE: LiveBuiltInVoice = 'marin';
// "Defaults to 400 for Decisions sessions and 0 (request immediately) for other sessions."
const DEFAULT_ACKNOWLEDGEMENT_DELAY_MS = { client: 0, responses: 0, decisions: 400 } as const;

const MEDIA_NEGOTIATED =
  "WebRTC and SIP negotiate their media format; only a primary WebSocket session takes 'audio.format'.";
// The types document `client` as "capabilities for an untrusted frontend attached to a unified
// WebRTC session", and forks refuse it on WebSockets; we take that stricter reading everywhere.
const CLIENT_WEBRTC_ONLY =
  'Frontend data-channel permissions apply only to WebRTC sessions, the one transport with a frontend data channel.';
const TYPE_SIP_ONLY = "Only a SIP accept body names the session type ('live').";

// ---------------------------------------------------------------------------------------------
// Error texts, in OpenAI's wording.

type Json = Record<string, unknown>;

const fail = {
  type: (param: string, expected: string, value: unknown) =>
    OpenAIError.invalidRequest(
      `Invalid type for '${param}': expected ${expected}, but got ${kindOf(value)} instead.`,
      'invalid_type',
      param,
    ),
  value: (param: string, detail: string) =>
    OpenAIError.invalidRequest(`Invalid value for '${param}': ${detail}`, 'invalid_value', param),
  missing: (param: string) =>
    OpenAIError.invalidRequest(
      `Missing required parameter: '${param}'.`,
      'missing_required_parameter',
      param,
    ),
  unknown: (param: string, why?: string) =>
    OpenAIError.invalidRequest(
      `Unknown parameter: '${param}'.${why ? ` ${why}` : ''}`,
      'unknown_parameter',
      param,
    ),
  tooLong: (param: string, max: number, length: number) =>
    OpenAIError.invalidRequest(
      `Invalid '${param}': array too long. Expected an array with maximum length ${max}, but got an array with length ${length} instead.`,
      'array_above_max_length',
      param,
    ),
  // `invalid_value`, as the Realtime simulator answers a model change.
  immutable: (param: string) =>
    OpenAIError.invalidRequest(
      `'${param}' cannot change after the session has started.`,
      'invalid_value',
      param,
    ),
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function supported(value: unknown, values: readonly unknown[]): string {
  return `${show(value)}. Supported values are: ${values.map(show).join(', ')}.`;
}

function at(param: string, key: string): string {
  return param ? `${param}.${key}` : key;
}

// ---------------------------------------------------------------------------------------------
// Checks: each validates one value, throws the error naming `param`, and returns a typed copy.

type Check<T> = (value: unknown, param: string) => T;
type RequiredCheck<T> = Check<T> & { readonly required: true };
type IsOptional<T, K extends keyof T> = Partial<Pick<T, K>> extends Pick<T, K> ? true : false;
/** One check per field; a field the type requires needs `required(…)`, so the two can't drift. */
type Spec<T> = {
  [K in keyof T]-?: IsOptional<T, K> extends true
    ? Check<Exclude<T[K], undefined>>
    : RequiredCheck<T[K]>;
};

function required<T>(check: Check<T>): RequiredCheck<T> {
  return Object.assign((value: unknown, param: string) => check(value, param), {
    required: true as const,
  });
}

function record(value: unknown, param: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail.type(param, 'an object', value);
  }
  return value as Json;
}

/** A strict object: unknown fields, missing required fields and bad values are refused. */
// `NoInfer`: T comes from the call's type argument or its context, never from the spec itself
// (inferring it from the spec would make every field required).
function object<T>(spec: NoInfer<Spec<T>>): Check<T> {
  const fields = Object.entries(spec) as [string, Check<unknown> & { required?: true }][];
  return (value, param) => {
    const input = record(value, param);
    // Unknown fields first, so a misspelt required field reads as the typo it is.
    const unknown = Object.keys(input).find((key) => !Object.hasOwn(spec, key));
    if (unknown !== undefined) throw fail.unknown(at(param, unknown));
    const output: Json = {};
    for (const [key, check] of fields) {
      if (input[key] !== undefined) output[key] = check(input[key], at(param, key));
      else if (check.required) throw fail.missing(at(param, key));
    }
    return output as T;
  };
}

/** An object whose `tag` field selects the check for the rest. */
function tagged<T>(variants: Record<string, Check<T>>, tag = 'type'): Check<T> {
  return (value, param) => {
    const kind = record(value, param)[tag];
    if (kind === undefined) throw fail.missing(at(param, tag));
    if (typeof kind !== 'string' || !Object.hasOwn(variants, kind)) {
      throw fail.value(at(param, tag), supported(kind, Object.keys(variants)));
    }
    return variants[kind](value, param);
  };
}

function literal<const V extends readonly (string | number)[]>(...values: V): Check<V[number]> {
  return (value, param) => {
    if (!values.includes(value as V[number])) throw fail.value(param, supported(value, values));
    return value as V[number];
  };
}

function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, param) => (value === null ? null : check(value, param));
}

function arrayOf<T>(check: Check<T>, max = Infinity): Check<T[]> {
  return (value, param) => {
    if (!Array.isArray(value)) throw fail.type(param, 'an array', value);
    if (value.length > max) throw fail.tooLong(param, max, value.length);
    return value.map((item, index) => check(item, `${param}[${index}]`));
  };
}

function refine<T>(check: Check<T>, rule: (value: T, param: string) => void): Check<T> {
  return (value, param) => {
    const checked = check(value, param);
    rule(checked, param);
    return checked;
  };
}

/** A field this transport (or moment) does not take: refused as unknown, with the reason. */
function refused(why: string): Check<never> {
  return (_value, param) => {
    throw fail.unknown(param, why);
  };
}

const immutable: Check<never> = (_value, param) => {
  throw fail.immutable(param);
};

function primitive<T>(kind: 'string' | 'boolean', expected: string): Check<T> {
  return (value, param) => {
    if (typeof value !== kind) throw fail.type(param, expected, value);
    return value as T;
  };
}

const str = primitive<string>('string', 'a string');
const bool = primitive<boolean>('boolean', 'a boolean');
const nonEmptyStr = refine(str, (value, param) => {
  if (value === '') throw fail.value(param, "''. Expected a non-empty string.");
});

function int(min: number): Check<number> {
  return (value, param) => {
    if (!Number.isInteger(value)) throw fail.type(param, 'an integer', value);
    if ((value as number) < min)
      throw fail.value(param, `${show(value)}. Expected at least ${min}.`);
    return value as number;
  };
}

function withinTokens(limit: number, what: string) {
  return (text: string, param: string) => {
    const tokens = estimateTokens(text);
    if (tokens > limit) {
      throw fail.value(param, `${what} is about ${tokens} tokens; at most ${limit} are allowed.`);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Audio, history and the frontend data channel.

const audioFormat = tagged<LiveAudioFormat>({
  'audio/pcm': object({ type: required(literal('audio/pcm')), rate: required(literal(16000, 24000)) }),
  'audio/pcmu': object({ type: required(literal('audio/pcmu')), rate: required(literal(8000)) }),
  'audio/pcma': object({ type: required(literal('audio/pcma')), rate: required(literal(8000)) }),
}); // prettier-ignore

const customVoice = object<{ id: string }>({ id: required(nonEmptyStr) });

// The types accept any string (new voices appear server-side); we refuse unknown built-ins so a
// typo fails here rather than silently speaking in the default voice.
const voice: Check<LiveVoice> = (value, param) => {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return customVoice(value, param);
  }
  if (typeof value !== 'string') {
    throw fail.type(param, "a built-in voice name or an object with an 'id'", value);
  }
  if (!(LIVE_BUILT_IN_VOICES as readonly string[]).includes(value)) {
    throw fail.value(
      param,
      `${supported(value, LIVE_BUILT_IN_VOICES)} Use {"id": "…"} for a custom voice.`,
    );
  }
  return value as LiveBuiltInVoice;
};

function audio(transport: LiveTransport): Check<LiveAudioConfig> {
  return object<LiveAudioConfig>({
    format: transport === 'websocket' ? audioFormat : refused(MEDIA_NEGOTIATED),
    output: object({ voice }),
  });
}

function initialMessage<R extends LiveInitialItem['role']>(
  role: R,
  partTypes: readonly string[],
): Check<LiveInitialItem> {
  const part = object<{ type?: string; text: string }>({
    type: literal(...partTypes),
    text: required(str),
  });
  const onePart = refine(arrayOf(part), (parts, param) => {
    if (parts.length !== 1) {
      throw fail.value(param, `${parts.length} parts. Supply exactly one text part.`);
    }
  });
  return object<InitialItemBase & { role: R; content: unknown[] }>({
    type: literal('message'),
    id: nullable(str),
    status: nullable(literal('incomplete', 'completed')),
    role: required(literal(role)),
    content: required(onePart),
  }) as Check<LiveInitialItem>;
}

const initialItem = tagged<LiveInitialItem>(
  {
    developer: initialMessage('developer', ['input_text']),
    user: initialMessage('user', ['input_text']),
    assistant: initialMessage('assistant', ['text', 'output_text']),
  },
  'role',
);

// The limit is on "rendered" tokens; role markup is not counted, only the texts.
const historyWithinLimit = withinTokens(LIVE_SESSION_LIMITS.inputTokens, 'The history');
const history = refine(arrayOf(initialItem, LIVE_SESSION_LIMITS.inputMessages), (items, param) =>
  historyWithinLimit(items.map((item) => item.content[0].text).join(''), param),
);

const instructions = nullable(
  refine(str, withinTokens(LIVE_SESSION_LIMITS.instructionsTokens, 'The instructions')),
);

function allOr<T>(check: Check<T[]>): Check<'all' | T[]> {
  return (value, param) => {
    if (value === 'all') return 'all';
    if (typeof value === 'string') {
      throw fail.value(param, `${show(value)}. Expected 'all' or an array of event types.`);
    }
    if (!Array.isArray(value)) throw fail.type(param, "'all' or an array", value);
    return check(value, param);
  };
}

const serverEventSelector = refine(
  object<LiveServerEventSelector>({
    type: required(literal(...LIVE_SERVER_EVENT_TYPES)),
    response_event: nonEmptyStr,
  }),
  (selector, param) => {
    const nested = selector.type === 'response.event';
    if (nested && selector.response_event === undefined) {
      throw fail.missing(at(param, 'response_event'));
    }
    if (!nested && selector.response_event !== undefined) {
      throw fail.value(
        at(param, 'response_event'),
        `only a 'response.event' selector takes a response_event, not ${show(selector.type)}.`,
      );
    }
  },
);

const clientConfig = object<{ data_channel: LiveDataChannelConfig }>({
  data_channel: required(
    object<LiveDataChannelConfig>({
      allowed_client_events: allOr(arrayOf(literal(...LIVE_CLIENT_EVENT_TYPES))),
      allowed_server_events: allOr(arrayOf(serverEventSelector)),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Responses backend and its tools.

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const ajv = new Ajv({ strict: false });

const toolName = refine(str, (name, param) => {
  if (!TOOL_NAME.test(name)) {
    throw fail.value(param, `${show(name)}. Function names must match ${TOOL_NAME.source}.`);
  }
});

const jsonSchema: Check<Json> = (value, param) => {
  const schema = record(value, param);
  const problem = schemaProblem(schema);
  if (problem !== null) {
    throw OpenAIError.invalidRequest(
      `Invalid schema for '${param}': ${problem}.`,
      'invalid_function_parameters',
      param,
    );
  }
  return structuredClone(schema);
};

function schemaProblem(schema: Json): string | null {
  try {
    return ajv.validateSchema(schema) ? null : ajv.errorsText(ajv.errors);
  } catch (error) {
    // An unknown `$schema` meta-schema throws rather than failing validation.
    return (error as Error).message;
  }
}

const functionTool = object<LiveFunctionTool>({
  type: required(literal('function')),
  name: required(toolName),
  description: nullable(str),
  parameters: nullable(jsonSchema),
  strict: nullable(bool),
});

// The SDK types hosted tools as bare `{ type }` stubs (an `mcp` tool surely takes more), so their
// inner fields pass through unchecked: the simulator never runs hosted tools.
const hostedTool: Check<LiveHostedTool> = (value, param) =>
  structuredClone(record(value, param)) as LiveHostedTool;

const tools = refine(
  arrayOf(
    tagged<LiveTool>({
      function: functionTool,
      ...Object.fromEntries(LIVE_HOSTED_TOOL_TYPES.map((type) => [type, hostedTool])),
    }),
  ),
  (list, param) => {
    const seen = new Set<string>();
    list.forEach((tool, index) => {
      if (tool.type !== 'function') return;
      const name = (tool as LiveFunctionTool).name;
      if (seen.has(name)) {
        throw fail.value(`${param}[${index}].name`, `${show(name)} names another tool already.`);
      }
      seen.add(name);
    });
  },
);

const forcedToolVariants: Record<string, Check<LiveForcedTool>> = {
  function: object({ type: required(literal('function')), name: required(nonEmptyStr) }),
  custom: object({ type: required(literal('custom')), name: required(nonEmptyStr) }),
  mcp: object({
    type: required(literal('mcp')),
    name: required(nonEmptyStr),
    server_label: required(nonEmptyStr),
  }),
  ...Object.fromEntries(
    NAMELESS_CHOICE_TYPES.map((type) => [
      type,
      object<{ type: typeof type }>({ type: required(literal(type)) }),
    ]),
  ),
};

const toolChoiceObject = tagged<LiveToolChoice>({
  ...forcedToolVariants,
  allowed_tools: object({
    type: required(literal('allowed_tools')),
    tools: required(arrayOf(tagged(forcedToolVariants))),
    mode: nullable(literal('none', 'auto', 'required')),
  }),
});

const toolChoice: Check<LiveToolChoice> = (value, param) =>
  typeof value === 'string'
    ? literal('auto', 'none', 'required')(value, param)
    : toolChoiceObject(value, param);

const responsesSettings: Spec<Omit<LiveResponsesBackend, 'model'>> = {
  instructions: nullable(str),
  max_output_tokens: nullable(int(1)),
  parallel_tool_calls: nullable(bool),
  reasoning: nullable(
    object({
      effort: nullable(literal('none', 'minimal', 'low', 'medium', 'high', 'xhigh')),
      summary: nullable(literal('concise', 'detailed', 'auto')),
    }),
  ),
  service_tier: nullable(
    literal('auto', 'default', 'fast_tier_temp_pilot', 'flex', 'priority', 'ultrafast'),
  ),
  text: nullable(object({ verbosity: nullable(literal('low', 'medium', 'high')) })),
  tool_choice: toolChoice,
  tools,
};

const responsesBackend = object<LiveResponsesBackend>({
  model: required(nonEmptyStr),
  ...responsesSettings,
});
// `ResponsesDelegationUpdateConfig`: the same settings, all optional.
const responsesBackendUpdate = object<Partial<LiveResponsesBackend>>({
  model: nonEmptyStr,
  ...responsesSettings,
});

// ---------------------------------------------------------------------------------------------
// Decisions: validated structurally, per `DecisionQuestion` and `DecisionTrigger`.

const jsonData: Check<Json | Json[]> = (value, param) =>
  structuredClone(
    Array.isArray(value)
      ? value.map((item, index) => record(item, `${param}[${index}]`))
      : record(value, param),
  );

const decisionPart = tagged<LiveDecisionPart>({
  input_text: object({ type: required(literal('input_text')), text: required(str) }),
  input_image: object({
    type: required(literal('input_image')),
    image_url: required(nonEmptyStr),
    detail: nullable(literal('low', 'high', 'auto', 'original')),
  }),
  input_json: object({ type: required(literal('input_json')), data: required(jsonData) }),
});

const decisionInstructions: Check<DecisionInstructions> = (value, param) => {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) throw fail.type(param, 'a string or an array', value);
  return arrayOf(decisionPart)(value, param);
};

const choiceValue: Check<string | boolean> = (value, param) => {
  if (typeof value !== 'string' && typeof value !== 'boolean') {
    throw fail.type(param, 'a string or a boolean', value);
  }
  return value;
};

const decisionQuestion = tagged<LiveDecisionQuestion>({
  choice: object({
    type: required(literal('choice')),
    choices: required(arrayOf(object({ value: required(choiceValue), description: str }))),
    instructions: required(decisionInstructions),
    name: str,
  }),
  predicate: object({
    type: required(literal('predicate')),
    instructions: required(decisionInstructions),
    name: str,
  }),
  score: object({
    type: required(literal('score')),
    levels: required(arrayOf(object({ label: required(str), description: str }))),
    instructions: required(decisionInstructions),
    name: str,
  }),
});

const questions = arrayOf(decisionQuestion);

const trigger = object<LiveDecisionTrigger>({
  type: required(literal('decisions')),
  event_type: required(literal('session.input_transcript.delta', 'session.output_transcript.delta')),
  decisions: required(object({ questions: required(questions) })),
}); // prettier-ignore

// "At most one Decisions trigger per transcript event type."
const triggers = refine(arrayOf(trigger), (list, param) => {
  list.forEach(({ event_type }, index) => {
    if (list.findIndex((other) => other.event_type === event_type) < index) {
      throw fail.value(
        `${param}[${index}].event_type`,
        `${show(event_type)}. At most one trigger per transcript event type.`,
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Delegation and the whole session.

const acknowledgementDelay = int(0);
const clientDelegation = object<{ type: 'client'; acknowledgement_delay_ms?: number }>({
  type: required(literal('client')),
  acknowledgement_delay_ms: acknowledgementDelay,
});

const delegation = tagged<LiveDelegation>({
  client: clientDelegation,
  responses: object({
    type: required(literal('responses')),
    responses: required(responsesBackend),
    acknowledgement_delay_ms: acknowledgementDelay,
  }),
  decisions: object({
    type: required(literal('decisions')),
    decisions: required(
      object<LiveDecisionsBackend>({
        model: required(nonEmptyStr),
        questions: required(questions),
      }),
    ),
    acknowledgement_delay_ms: acknowledgementDelay,
  }),
});

// `SessionUpdateConfig.delegation`: the same types, with every backend setting optional.
const delegationUpdate = tagged<DelegationUpdate>({
  client: clientDelegation,
  responses: object({
    type: required(literal('responses')),
    responses: responsesBackendUpdate,
    acknowledgement_delay_ms: acknowledgementDelay,
  }),
  decisions: object({
    type: required(literal('decisions')),
    decisions: object<Partial<LiveDecisionsBackend>>({ model: nonEmptyStr, questions }),
    acknowledgement_delay_ms: acknowledgementDelay,
  }),
});

function sessionCheck(transport: LiveTransport): Check<LiveSessionConfig> {
  return object<LiveSessionConfig>({
    type: transport === 'sip' ? required(literal('live')) : refused(TYPE_SIP_ONLY),
    model: required(nonEmptyStr),
    audio: audio(transport),
    client: transport === 'webrtc' ? clientConfig : refused(CLIENT_WEBRTC_ONLY),
    delegation: nullable(delegation),
    input: history,
    instructions,
    safety_identifier: nullable(str),
    store: bool,
    triggers,
  });
}

const SESSION_CHECKS: Record<LiveTransport, Check<LiveSessionConfig>> = {
  webrtc: sessionCheck('webrtc'),
  websocket: sessionCheck('websocket'),
  sip: sessionCheck('sip'),
};

interface SessionUpdate {
  delegation?: DelegationUpdate | null;
  triggers?: LiveDecisionTrigger[];
  model?: never;
  instructions?: never;
  audio?: never;
  input?: never;
  client?: never;
  store?: never;
  safety_identifier?: never;
}

// Startup fields are refused even when unchanged: `SessionUpdateConfig` has no such fields.
const SESSION_UPDATE = object<SessionUpdate>({
  delegation: nullable(delegationUpdate),
  triggers,
  model: immutable,
  instructions: immutable,
  audio: immutable,
  input: immutable,
  client: immutable,
  store: immutable,
  safety_identifier: immutable,
});
