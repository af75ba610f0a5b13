import type OpenAI from 'openai';

/** A function tool as the model is offered it. */
export interface FunctionToolConfig {
  readonly type: 'function';
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
}

/**
 * The session a call runs with, built on the server (the browser never chooses it) and stored
 * with the session: the `openai` SDK's Realtime session type, narrowed to what Switchboard always
 * sets. Every reader uses this type; nobody casts a stored config.
 */
export type SessionConfig = Omit<
  OpenAI.Realtime.RealtimeSessionCreateRequest,
  'model' | 'instructions' | 'tools' | 'tool_choice' | 'max_output_tokens'
> & {
  model: string;
  instructions: string;
  tools: FunctionToolConfig[];
  tool_choice: 'auto' | 'none' | 'required';
  max_output_tokens: number;
};
