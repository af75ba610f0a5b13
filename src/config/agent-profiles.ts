import type OpenAI from 'openai';

/**
 * When a Realtime turn is grounded (README "Grounding live calls" has the measured cost of each):
 * `next_turn` retrieves as soon as a turn's transcript arrives and adds the snippets for the
 * responses after it (typed turns are grounded before their own answer); `transcript` holds the
 * turn's response until its transcript arrives and is retrieved for; `partial` holds it only for
 * part of the budget, then retrieves for the transcript so far.
 */
export const GROUNDING_MODES = ['next_turn', 'transcript', 'partial'] as const;
export type GroundingMode = (typeof GROUNDING_MODES)[number];

/** Knowledge put into the agent's calls (absent: none; `search_knowledge` is a tool apart). */
export interface GroundingSettings {
  /** Realtime only (GPT-Live is grounded as the caller speaks); `next_turn` when absent. */
  readonly mode?: GroundingMode;
  /** The most a turn waits for grounding; SWITCHBOARD_GROUNDING_BUDGET_MS when absent. */
  readonly budgetMs?: number;
  /** Snippets per injection; SWITCHBOARD_GROUNDING_SNIPPETS when absent. */
  readonly snippets?: number;
}

/** An OpenAI-hosted tool of a Responses delegation: any of the SDK's tools but a function. */
export type LiveHostedTool = Exclude<
  NonNullable<OpenAI.Live.ResponsesDelegationConfig['tools']>[number],
  { type: 'function' }
>;

/** The hosted tool types GPT-Live's Responses delegation knows (the SDK's union, less functions). */
export const LIVE_HOSTED_TOOL_TYPES: readonly LiveHostedTool['type'][] = [
  'web_search', 'file_search', 'code_interpreter', 'shell', 'image_generation', 'mcp', 'custom',
  'namespace', 'tool_search', 'programmatic_tool_calling', 'computer', 'apply_patch',
]; // prettier-ignore

/** What a page's data channel may carry in a GPT-Live call (the sideband is never filtered). */
export interface LivePagePermissions {
  /** Client event types the page may send. */
  readonly clientEvents: readonly string[];
  /** Server events the page may receive; `response.event` selectors name a nested event. */
  readonly serverEvents: readonly { readonly type: string; readonly response_event?: string }[];
}

/** The GPT-Live half of a profile whose `api` is `live`. */
export interface LiveProfileSettings {
  /** The Responses model that runs delegated work (and proposes the tool calls). */
  readonly backendModel?: string;
  /** What the backend model is told, besides the voice's `instructions`. */
  readonly backendInstructions?: string;
  /**
   * OpenAI-hosted tools (`{ "type": "web_search" }`, …) the backend may use. They run at OpenAI,
   * outside any per-call governance, so none is on unless listed here; each use is audited.
   */
  readonly hostedTools?: readonly LiveHostedTool[];
  /**
   * Client delegation: the name of the application's delegated-task handler
   * (`@DelegationHandlerFor(name)`) that does the work instead of OpenAI's Responses backend.
   * Its tool calls go through the same governed pipeline; `backendModel`, `backendInstructions`
   * and `hostedTools` do not apply.
   */
  readonly handler?: string;
  /** Overrides what the page's data channel may carry (default: `DEFAULT_LIVE_PAGE`). */
  readonly page?: Partial<LivePagePermissions>;
}

/**
 * What an agent is: which voice API it runs on, the model settings the server sends, which
 * registered tools it offers (each caller still gets only those their roles allow), and limits
 * that tighten the global ones. Everything but the API's own settings means the same on both.
 */
export interface AgentProfile {
  readonly name: string;
  /** `realtime` (default): the Realtime API. `live`: GPT-Live, tools run by its Responses backend. */
  readonly api?: 'realtime' | 'live';
  readonly model: string;
  readonly voice: string;
  readonly instructions: string;
  readonly turnDetection: Record<string, unknown> | null;
  /**
   * `vad` (default): OpenAI's turn detection starts responses, and the page can too. `server`:
   * only Switchboard starts them (after each user turn, tool result or notice, each tagged), and
   * any other response is cancelled and treated as tampering.
   */
  readonly responseStart?: 'vad' | 'server';
  /**
   * Upper bound of one response's output, sent as `max_output_tokens`. Budgets are enforced
   * before a response starts by checking that what is left can pay for one this long.
   */
  readonly maxOutputTokens?: number;
  /** Names of registered tools this agent offers; every registered tool when absent. */
  readonly tools?: readonly string[];
  /** Retrieved knowledge injected into calls before responses (off when absent). */
  readonly grounding?: GroundingSettings;
  /** GPT-Live settings (only read when `api` is `live`). */
  readonly live?: LiveProfileSettings;
  readonly limits?: Partial<{
    maxDurationSeconds: number;
    warningSeconds: number;
    idleSeconds: number;
    maxPerUser: number;
  }>;
}

/** The backend model of a Live profile that names none. */
export const DEFAULT_LIVE_BACKEND_MODEL = 'gpt-5.5';

/**
 * What a Live page may do by default: mute and unmute itself, and see what it shows (both
 * transcripts, when the session starts and ends, mute state, errors and notices). It cannot
 * append context, answer or start delegated work, update or close the session: those belong to
 * the trusted sideband.
 */
export const DEFAULT_LIVE_PAGE: LivePagePermissions = {
  clientEvents: ['session.input_audio.mute', 'session.input_audio.unmute'],
  serverEvents: [
    'session.started',
    'session.closed',
    'session.input_transcript.delta',
    'session.output_transcript.delta',
    'session.input_audio.muted',
    'session.input_audio.unmuted',
    'error',
    'info',
  ].map((type) => ({ type })),
};

/** Output cap when a profile sets none: about 50 s of speech (one audio token per 50 ms). */
export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

/** Built-in profiles; `default` is used when `POST /v1/sessions` names none. */
export const AGENT_PROFILES: Readonly<Record<string, AgentProfile>> = {
  default: {
    name: 'default',
    model: 'gpt-realtime',
    voice: 'marin',
    instructions:
      'You are the customer-service voice assistant of an online shop. Be brief and friendly. ' +
      'Use tools to look things up; never invent order details.',
    turnDetection: {
      type: 'server_vad',
      silence_duration_ms: 500,
      create_response: true,
      interrupt_response: true,
    },
  },
  /** The same assistant on GPT-Live: its Responses backend proposes the tool calls. */
  live: {
    name: 'live',
    api: 'live',
    model: 'gpt-live-1',
    voice: 'marin',
    instructions:
      'You are the customer-service voice assistant of an online shop. Be brief and friendly. ' +
      'Your backend looks things up; never invent order details.',
    turnDetection: null,
  },
};
