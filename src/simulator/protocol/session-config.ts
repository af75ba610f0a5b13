import { Ajv, type ErrorObject } from 'ajv';

import { ids } from '../ids.js';
import { OpenAIError } from './openai-error.js';
import { sessionSchema } from './session-schema.js';

export type TurnDetection =
  | {
      type: 'server_vad';
      threshold: number;
      prefix_padding_ms: number;
      silence_duration_ms: number;
      create_response: boolean;
      interrupt_response: boolean;
      idle_timeout_ms: number | null;
    }
  | {
      type: 'semantic_vad';
      eagerness: 'low' | 'medium' | 'high' | 'auto';
      create_response: boolean;
      interrupt_response: boolean;
    };

export interface FunctionTool {
  type: 'function';
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

/** The full effective session (`RealtimeSessionCreateResponseGA`) as the server reports it. */
export interface EffectiveSession {
  type: 'realtime';
  object: 'realtime.session';
  id: string;
  model: string;
  output_modalities: ('audio' | 'text')[];
  instructions: string;
  tools: (FunctionTool | Record<string, unknown>)[];
  tool_choice: unknown;
  max_output_tokens: number | 'inf';
  tracing: unknown;
  truncation: unknown;
  prompt: unknown;
  expires_at: number;
  audio: {
    input: {
      format: Record<string, unknown>;
      transcription: Record<string, unknown> | null;
      noise_reduction: Record<string, unknown> | null;
      turn_detection: TurnDetection | null;
    };
    output: { format: Record<string, unknown>; voice: unknown; speed: number };
  };
  include: string[] | null;
  [key: string]: unknown;
}

type Json = Record<string, unknown>;

const ajv = new Ajv({ allErrors: false, strict: false, discriminator: true });
const validateShape = ajv.compile(sessionSchema);

export const DEFAULT_MODEL = 'gpt-realtime';

/** Voice may change only until the session has produced audio (the real API's rule). */
export interface SessionUpdateContext {
  readonly hasProducedAudio: boolean;
}

/**
 * Validates a session config (`RealtimeSessionCreateRequestGA`) and throws the error the real API
 * would send, with `param` naming the offending field (prefixed, e.g. `session.tools[0].name`).
 */
export function validateSessionConfig(input: unknown, paramPrefix = 'session'): Json {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw OpenAIError.invalidRequest(
      `Invalid type for '${paramPrefix || 'body'}': expected an object.`,
      'invalid_type',
      paramPrefix,
    );
  }
  const config = input as Json;
  if (config.type === undefined) {
    const param = joinParam(paramPrefix, '.type');
    throw OpenAIError.invalidRequest(
      `Missing required parameter: '${param}'.`,
      'missing_required_parameter',
      param,
    );
  }
  if (!validateShape(config)) throw toOpenAIError(validateShape.errors?.[0], paramPrefix, config);
  validateTools(config.tools as Json[] | undefined, paramPrefix);
  return config;
}

function validateTools(tools: Json[] | undefined, prefix: string): void {
  const seen = new Set<string>();
  (tools ?? []).forEach((tool, index) => {
    const param = joinParam(prefix, `.tools[${index}]`);
    if (tool.type !== 'function') return;
    const name = tool.name as string;
    if (seen.has(name)) {
      throw OpenAIError.invalidRequest(
        `Duplicate tool name: '${name}'.`,
        'invalid_value',
        `${param}.name`,
      );
    }
    seen.add(name);
    const parameters = tool.parameters;
    if (parameters !== undefined && !isValidJsonSchema(parameters)) {
      throw OpenAIError.invalidRequest(
        `Invalid schema for function '${name}': ${ajv.errorsText(ajv.errors)}.`,
        'invalid_function_parameters',
        `${param}.parameters`,
      );
    }
  });
}

function isValidJsonSchema(schema: unknown): boolean {
  try {
    return ajv.validateSchema(schema as object) as boolean;
  } catch (error) {
    // An unknown `$schema` meta-schema throws rather than failing validation.
    ajv.errors = [{ message: (error as Error).message } as ErrorObject];
    return false;
  }
}

function toOpenAIError(error: ErrorObject | undefined, prefix: string, config: Json): OpenAIError {
  if (!error) return OpenAIError.invalidRequest('Invalid session.', 'invalid_value', prefix);
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('');
  if (error.keyword === 'additionalProperties') {
    const unknown = (error.params as { additionalProperty: string }).additionalProperty;
    const param = joinParam(prefix, `${path}.${unknown}`);
    return OpenAIError.invalidRequest(`Unknown parameter: '${param}'.`, 'unknown_parameter', param);
  }
  if (error.keyword === 'discriminator') {
    const param = joinParam(prefix, `${path}.type`);
    const { tagValue } = error.params as { tagValue: unknown };
    return OpenAIError.invalidRequest(
      `Invalid value for '${param}': ${JSON.stringify(tagValue)}.`,
      'invalid_value',
      param,
    );
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    const param = joinParam(prefix, `${path}.${missing}`);
    return OpenAIError.invalidRequest(
      `Missing required parameter: '${param}'.`,
      'missing_required_parameter',
      param,
    );
  }
  const value = error.instancePath
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], config);
  const param = joinParam(prefix, path);
  return OpenAIError.invalidRequest(
    `Invalid value for '${param}': ${JSON.stringify(value)} (${error.message ?? 'invalid'}).`,
    'invalid_value',
    param,
  );
}

/** `session` + `.audio.voice` → `session.audio.voice`; '' + `.audio` → `audio`. */
function joinParam(prefix: string, path: string): string {
  return `${prefix}${path}`.replace(/^\./, '');
}

/** Realtime's default `turn_detection` (also GPT-Live's stand-in: it has no such setting). */
export const DEFAULT_SERVER_VAD: TurnDetection = {
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 500,
  create_response: true,
  interrupt_response: true,
  idle_timeout_ms: null,
};

function withTurnDetectionDefaults(value: unknown): TurnDetection | null {
  if (value === null) return null;
  const td = value as Json;
  if (td.type === 'semantic_vad') {
    return {
      eagerness: 'auto',
      create_response: true,
      interrupt_response: true,
      ...td,
    } as TurnDetection;
  }
  return { ...DEFAULT_SERVER_VAD, ...td } as TurnDetection;
}

/** The effective session for a validated create request, with every default filled in. */
export function createEffectiveSession(request: Json = { type: 'realtime' }): EffectiveSession {
  const base: EffectiveSession = {
    type: 'realtime',
    object: 'realtime.session',
    id: ids.session(),
    model: DEFAULT_MODEL,
    output_modalities: ['audio'],
    instructions: '',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    truncation: 'auto',
    prompt: null,
    expires_at: 0,
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24000 },
        transcription: null,
        noise_reduction: null,
        turn_detection: { ...DEFAULT_SERVER_VAD },
      },
      output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
    },
    include: null,
  };
  return mergeSession(base, request);
}

/**
 * Applies a validated `session.update`: only the fields present change. The model cannot change;
 * the voice only until the session has produced audio.
 */
export function applySessionUpdate(
  current: EffectiveSession,
  patch: Json,
  context: SessionUpdateContext,
): EffectiveSession {
  if (patch.model !== undefined && patch.model !== current.model) {
    throw OpenAIError.invalidRequest(
      "Cannot update a session's model; start a new session instead.",
      'invalid_value',
      'session.model',
    );
  }
  const voice = (patch.audio as Json | undefined)?.output as Json | undefined;
  if (
    voice?.voice !== undefined &&
    context.hasProducedAudio &&
    JSON.stringify(voice.voice) !== JSON.stringify(current.audio.output.voice)
  ) {
    throw OpenAIError.invalidRequest(
      "Cannot update a conversation's voice if assistant audio is present.",
      'cannot_update_voice',
      'session.audio.output.voice',
    );
  }
  return mergeSession(current, patch);
}

function mergeSession(base: EffectiveSession, patch: Json): EffectiveSession {
  const { audio, type: _type, ...rest } = patch as Json & { audio?: Json };
  const next: EffectiveSession = { ...base, ...(rest as Partial<EffectiveSession>) };
  const input = (audio?.input ?? {}) as Json;
  const output = (audio?.output ?? {}) as Json;
  next.audio = {
    input: {
      ...base.audio.input,
      ...(input as Partial<EffectiveSession['audio']['input']>),
      turn_detection:
        'turn_detection' in input
          ? withTurnDetectionDefaults(input.turn_detection)
          : base.audio.input.turn_detection,
    },
    output: { ...base.audio.output, ...(output as Partial<EffectiveSession['audio']['output']>) },
  };
  return next;
}

/** Fields SIP `accept` refuses (the Calls API decides VAD tuning for phone audio itself). */
export const SIP_FORBIDDEN_VAD_FIELDS = [
  'threshold',
  'prefix_padding_ms',
  'silence_duration_ms',
] as const;
