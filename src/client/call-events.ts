import type { SwitchboardError } from './errors.js';
import type { TranscriptEvent } from './transcripts.js';

export type CallState = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** A tool call the model proposed and what Switchboard decided (never its arguments). */
export interface ToolEvent {
  readonly tool: string;
  readonly toolCallId: string | null;
  readonly outcome: 'executed' | 'refused' | 'failed' | 'pending_approval';
  /** Why it was refused or failed, e.g. `TOOL_NOT_ALLOWED`. */
  readonly code?: string;
  /** Set when it waits for an approver: later `approval` events name it. */
  readonly actionId?: string;
}

/**
 * The statuses Switchboard's events stream sends (`session-events/session-event.ts`), restated
 * here because the client is built for the browser apart from the server's code.
 */
export interface ApprovalEvent {
  readonly actionId: string;
  readonly status:
    | 'pending'
    | 'approved'
    | 'rejected'
    | 'expired'
    | 'escalated'
    | 'cancelled'
    | 'executed'
    | 'failed'
    | 'delivered'
    | 'rolled_back';
}

export interface KnowledgeDocument {
  readonly documentId: string;
  readonly version: number;
  readonly title: string;
}

/** Documents the call was given (its citations), or withdrawn from it with why. */
export interface KnowledgeEvent {
  readonly given?: readonly KnowledgeDocument[];
  readonly withdrawn?: readonly (KnowledgeDocument & { readonly reason: string })[];
}

export interface EndedEvent {
  /**
   * Why: the server's reason (`user_ended`, `max_duration`, `budget_exceeded:session`, `idle`,
   * `tamper…`, an operator's revocation reason), or the page's (`hangup`, `network_lost`,
   * `connection_failed`).
   */
  readonly reason: string;
  /** Who ended it: the server (revoked or ended there), this page, or the network. */
  readonly by: 'server' | 'page' | 'network';
  /** `revoked` when an operator ended it. */
  readonly state?: 'ended' | 'revoked';
}

export interface CallEvents extends Record<string, unknown> {
  readonly state: CallState;
  readonly transcript: TranscriptEvent;
  readonly tool: ToolEvent;
  readonly approval: ApprovalEvent;
  readonly knowledge: KnowledgeEvent;
  /** Budget warnings: `budget_warning`, `costly_tools_disabled`. */
  readonly warning: { readonly reason: string };
  readonly ended: EndedEvent;
  readonly error: SwitchboardError;
}
