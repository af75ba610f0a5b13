import { DiscoveryService } from '@nestjs/core';

/** One line of what was said in the session, oldest first. */
export interface SpokenLine {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** What a tool call made by a handler came to, as the model would have been told. */
export interface DelegatedToolResult {
  readonly status: 'succeeded' | 'pending_approval' | 'refused' | 'failed';
  /** The tool's output (`{ ok: true, result }`) or the refusal (`{ ok: false, error }`). */
  readonly output: unknown;
}

/**
 * One task GPT-Live handed to the application (`session.delegation.created`, target `client`):
 * it carries only an id, so the handler gets what was said so far, and the session's governed
 * tools. The voice keeps talking meanwhile; what the handler says is what the caller hears.
 */
export interface DelegatedTask {
  readonly sessionId: string;
  readonly delegationId: string;
  /** The agent profile the session runs. */
  readonly agent: string;
  /** What was said so far, oldest first; the caller's latest words last. */
  readonly transcript: readonly SpokenLine[];
  /**
   * Calls a tool the session offers, through the same governed pipeline as a model's call
   * (roles, validation, idempotency, rate limits, approvals, audit). Never throws for a refusal:
   * it comes back as `status: "refused"` with the error the caller can be told.
   */
  callTool(name: string, args: Record<string, unknown>): Promise<DelegatedToolResult>;
  /** Silent progress or context for the voice (`session.thinking.append`). */
  think(text: string): void;
  /** The result, spoken by the voice (`session.commentary.append`). */
  say(text: string): void;
}

/** The application's own delegated-task handler for Live profiles with `live.handler`. */
export interface DelegationHandler {
  handle(task: DelegatedTask): Promise<void>;
}

/**
 * Marks a provider as the delegation handler of the given name, e.g.
 * `@DelegationHandlerFor('order_desk')`. A profile names it as `live.handler`.
 */
export const DelegationHandlerFor = DiscoveryService.createDecorator<string>();
