import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';

/**
 * A scenario is the simulator's "model": deterministic rules that map a user turn to a reply.
 *
 * - A turn is the text of a user `input_text` item, or the transcript of the Nth spoken turn
 *   (`spokenTurns[N-1]`; the simulator cannot understand real audio).
 * - The first rule whose `when` matches decides. It either `say`s a text, or calls tools
 *   (`callTools`), then, once outputs arrive and `response.create` is sent, says `afterTools`.
 * - Templates: `{{text}}` (the turn), `{{turn}}` (its number), `{{match.N}}` (regex group N),
 *   `{{output.<tool>}}` / `{{outputs}}` (tool outputs, in `afterTools`). A template that is a whole
 *   argument value and ends in `|number` (e.g. `"{{match.1|number}}"`) becomes a number.
 * - Like the real model, it only calls tools present in the session, unless the rule says
 *   `ignoreSessionTools: true` (to test a hallucinated or injected call).
 */
export interface Scenario {
  name?: string;
  /** Said in reply to `response.create` before any user turn. */
  greeting?: string;
  /**
   * Transcripts of spoken turns, in order (turn 1 first); `{ "text", "transcriptionFails": true }`
   * makes that turn's input transcription fail.
   */
  spokenTurns?: (string | { text: string; transcriptionFails?: boolean })[];
  /** Transcript of spoken turns beyond `spokenTurns`. */
  defaultTranscript?: string;
  rules: ScenarioRule[];
  /** Said when no rule matches. */
  fallback?: string;
  /** Said when a rule's tools are all absent from the session. */
  noToolReply?: string;
  /** GPT-Live: what the voice says while delegated work runs (default "One moment, …"). */
  delegationAcknowledgement?: string;
}

export interface ScenarioRule {
  when: RuleMatch;
  say?: string;
  callTools?: { name: string; arguments?: Record<string, unknown> }[];
  afterTools?: string;
  ignoreSessionTools?: boolean;
}

export type RuleMatch =
  { contains: string } | { regex: string; flags?: string } | { turn: number } | { any: true };

/** One object with exactly one matcher (checked in code, so errors stay readable). */
const ruleMatchSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    contains: { type: 'string', minLength: 1 },
    regex: { type: 'string', minLength: 1 },
    flags: { type: 'string', pattern: '^[imsu]*$' },
    turn: { type: 'integer', minimum: 1 },
    any: { const: true },
  },
};

const MATCHERS = ['contains', 'regex', 'turn', 'any'] as const;

const scenarioSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    name: { type: 'string' },
    greeting: { type: 'string' },
    spokenTurns: {
      type: 'array',
      items: {
        oneOf: [
          { type: 'string' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['text'],
            properties: { text: { type: 'string' }, transcriptionFails: { type: 'boolean' } },
          },
        ],
      },
    },
    defaultTranscript: { type: 'string' },
    fallback: { type: 'string' },
    noToolReply: { type: 'string' },
    delegationAcknowledgement: { type: 'string' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['when'],
        properties: {
          when: ruleMatchSchema,
          say: { type: 'string' },
          afterTools: { type: 'string' },
          ignoreSessionTools: { type: 'boolean' },
          callTools: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name'],
              properties: { name: { type: 'string', minLength: 1 }, arguments: { type: 'object' } },
            },
          },
        },
        oneOf: [{ required: ['say'] }, { required: ['callTools'] }],
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false }).compile(scenarioSchema);

/** Thrown for a scenario that does not follow the schema; the message names the problem. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  if (!validate(input)) {
    const problems = (validate.errors ?? [])
      .map((e) =>
        e.keyword === 'additionalProperties'
          ? `${e.instancePath || '/'} has unknown property '${(e.params as { additionalProperty: string }).additionalProperty}'`
          : `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
      )
      .join('; ');
    throw new ScenarioError(`Invalid ${source}: ${problems}`);
  }
  const scenario = input as unknown as Scenario;
  scenario.rules.forEach((rule, index) => {
    const matchers = MATCHERS.filter((m) => m in rule.when);
    if (matchers.length !== 1) {
      throw new ScenarioError(
        `Invalid ${source}: /rules/${index}/when must have exactly one of ${MATCHERS.join(', ')}`,
      );
    }
    if ('flags' in rule.when && !('regex' in rule.when)) {
      throw new ScenarioError(`Invalid ${source}: /rules/${index}/when/flags needs regex`);
    }
    if ('regex' in rule.when) {
      try {
        new RegExp(rule.when.regex, rule.when.flags);
      } catch (error) {
        throw new ScenarioError(
          `Invalid ${source}: /rules/${index}/when/regex ${(error as Error).message}`,
        );
      }
    }
  });
  return scenario;
}

export function loadScenarioFile(path: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ScenarioError(`Cannot read scenario ${path}: ${(error as Error).message}`);
  }
  return parseScenario(raw, `scenario ${path}`);
}
