import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';

import {
  AGENT_PROFILES,
  GROUNDING_MODES,
  LIVE_HOSTED_TOOL_TYPES,
  type AgentProfile,
} from './agent-profiles.js';

const positiveInt = { type: 'integer', minimum: 1 };
const eventType = { type: 'string', pattern: '^[a-z_]+(\\.[a-z_]+)+$|^(error|info)$' };
const liveSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    backendModel: { type: 'string', minLength: 1 },
    handler: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
    backendInstructions: { type: 'string', maxLength: 20_000 },
    hostedTools: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: LIVE_HOSTED_TOOL_TYPES } },
      },
    },
    page: {
      type: 'object',
      additionalProperties: false,
      properties: {
        clientEvents: { type: 'array', items: eventType },
        serverEvents: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['type'],
            properties: { type: eventType, response_event: eventType },
          },
        },
      },
    },
  },
};
/** One profile in the file; everything optional so a built-in can be adjusted field by field. */
const profileSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    api: { enum: ['realtime', 'live'] },
    model: { type: 'string', minLength: 1 },
    voice: { type: 'string', minLength: 1 },
    instructions: { type: 'string', minLength: 1, maxLength: 20_000 },
    turnDetection: { type: ['object', 'null'] },
    responseStart: { enum: ['vad', 'server'] },
    // OpenAI accepts 1-4096 output tokens per response.
    maxOutputTokens: { type: 'integer', minimum: 1, maximum: 4096 },
    tools: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } },
    live: liveSchema,
    grounding: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mode: { enum: GROUNDING_MODES },
        budgetMs: { type: 'integer', minimum: 1, maximum: 5000 },
        snippets: { type: 'integer', minimum: 1, maximum: 8 },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxDurationSeconds: positiveInt,
        warningSeconds: { type: 'integer', minimum: 0 },
        idleSeconds: positiveInt,
        maxPerUser: positiveInt,
      },
    },
  },
};
const fileSchema = { type: 'object', additionalProperties: profileSchema };
const PROFILE_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const REQUIRED: readonly (keyof AgentProfile)[] = ['model', 'voice', 'instructions'];
/** GPT-Live has no turn-detection settings (the model decides); Realtime needs them. */
const REQUIRED_FOR_REALTIME: readonly (keyof AgentProfile)[] = ['turnDetection'];

/**
 * Agent profiles from SWITCHBOARD_AGENT_PROFILES_FILE (JSON: name → profile), merged over the
 * built-ins: operators tune VAD, voice, instructions or limits per agent without a release. A
 * new profile must give model, voice, instructions and turnDetection. Returns the problem in
 * words, or the merged profiles.
 */
export function loadAgentProfiles(
  path: string | undefined,
): Readonly<Record<string, AgentProfile>> | string {
  if (!path) return AGENT_PROFILES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `cannot be read as JSON (${(error as Error).message})`;
  }
  const badName =
    parsed &&
    typeof parsed === 'object' &&
    Object.keys(parsed).find((name) => !PROFILE_NAME.test(name));
  if (badName !== undefined)
    return `names a profile "${badName}"; names are lowercase letters, digits, _ and -, starting with a letter`;
  const validate = new Ajv({ allErrors: true }).compile(fileSchema);
  if (!validate(parsed)) {
    const [first] = validate.errors ?? [];
    return `is not a valid profiles file: ${first?.instancePath || '(root)'} ${first?.message ?? ''}`.trim();
  }
  const merged: Record<string, AgentProfile> = { ...AGENT_PROFILES };
  for (const [name, override] of Object.entries(parsed as Record<string, Partial<AgentProfile>>)) {
    const profile = { ...merged[name], ...override, name } as AgentProfile;
    const live = profile.api === 'live';
    const required = live ? REQUIRED : [...REQUIRED, ...REQUIRED_FOR_REALTIME];
    const missing = required.filter((field) => profile[field] === undefined);
    if (missing.length > 0)
      return `defines the new profile "${name}" without ${missing.join(', ')}`;
    const problem = live ? liveProblem(profile) : realtimeProblem(profile);
    if (problem) return `defines the profile "${name}" with ${problem}`;
    merged[name] = live ? { ...profile, turnDetection: null } : profile;
  }
  return merged;
}

/** What a Realtime profile cannot mean: holding a response back needs the server to start it. */
function realtimeProblem(profile: AgentProfile): string | undefined {
  const mode = profile.grounding?.mode;
  if ((mode === 'transcript' || mode === 'partial') && profile.responseStart !== 'server')
    return `grounding mode "${mode}" without responseStart "server" (only a response the server starts can wait for its grounding)`;
  return undefined;
}

/** What a Live profile cannot mean: a `response.event` page selector needs its nested event. */
function liveProblem(profile: AgentProfile): string | undefined {
  for (const selector of profile.live?.page?.serverEvents ?? []) {
    const nested = selector.type === 'response.event';
    if (nested !== (selector.response_event !== undefined))
      return nested
        ? 'a page server event "response.event" without response_event (which nested event?)'
        : `a response_event on the page server event "${selector.type}" (only response.event takes one)`;
  }
  if (profile.live?.handler && profile.live.hostedTools?.length)
    return 'both a client handler and hosted tools (hosted tools belong to the Responses backend)';
  if (profile.responseStart === 'server')
    return 'responseStart "server", which only the Realtime API has (GPT-Live has no response.create for speech)';
  return undefined;
}
