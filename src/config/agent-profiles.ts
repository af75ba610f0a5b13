/**
 * What an agent is: the model settings the server sends, which registered tools it offers (each
 * caller still gets only those their roles allow), and limits that tighten the global ones.
 */
export interface AgentProfile {
  readonly name: string;
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
  readonly limits?: Partial<{
    maxDurationSeconds: number;
    warningSeconds: number;
    maxPerUser: number;
  }>;
}

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
};
