import type { LoggerService, Type } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';

/** How an executed action can be undone: by itself, by a compensating action, or not at all. */
export type Reversibility = 'reversible' | 'compensable' | 'irreversible';

/**
 * Decides per call whether a human must approve it, e.g. refunds above 100. Gets the tool's own
 * instance too, so a threshold can come from injected configuration.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each tool narrows its own instance type
export type ApprovalPredicate<I> = (input: I, principal: Principal, tool: any) => boolean;

/** Who approves, how many, and what happens when nobody does in time (used by the approvals queue). */
export interface ApprovalPolicy<I> {
  /** Whether this call needs approval; `true` when absent. */
  readonly when?: boolean | ApprovalPredicate<I>;
  /** Operator roles allowed to decide; `approver` when absent (`admin` always may). */
  readonly approverRoles?: readonly string[];
  /** Distinct approvers required (four-eyes = 2). */
  readonly approvers?: number;
  readonly expiresInSeconds?: number;
  /** On expiry: tell the caller it was rejected, or hand it to `escalateTo` roles. */
  readonly onTimeout?: 'reject' | 'escalate';
  readonly escalateTo?: readonly string[];
}

export interface RateLimitWindow {
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface ToolRateLimit {
  readonly perSession?: RateLimitWindow;
  readonly perUser?: RateLimitWindow;
}

/** What `@Tool({...})` declares. */
export interface ToolOptions<I extends object = object> {
  /** snake_case, as the model sees it. */
  readonly name: string;
  /** Told to the model: say when to use the tool, not how it works. */
  readonly description: string;
  /** class-validator DTO: validates the arguments and produces the JSON Schema sent to the model. */
  readonly input: Type<I>;
  /** App-user roles that may call it (in addition to the central allowlist). */
  readonly roles?: readonly string[];
  readonly approval?: boolean | ApprovalPredicate<I> | ApprovalPolicy<I>;
  /** Execution is aborted after this long; 10 s when absent. */
  readonly timeoutMs?: number;
  readonly rateLimit?: ToolRateLimit;
  readonly reversibility?: Reversibility;
  /** Input fields (dot paths) hidden from logs, the audit log and approvers. */
  readonly redact?: readonly string[];
  /** Rolling an executed call back needs a second person to confirm (high-risk tools). */
  readonly rollbackApproval?: boolean;
  /** Disabled once a session nears its budget. */
  readonly costly?: boolean;
  /**
   * Safe to run again with the same idempotency key (the tool dedupes external effects). Lets an
   * interrupted execution be resumed instead of marked failed.
   */
  readonly idempotent?: boolean;
}

/** What a tool sees of the call: never the raw model text. */
export interface ToolContext {
  readonly principal: Principal;
  readonly tenantId: string | null;
  readonly sessionId: string;
  /** The Realtime call, when the session has one. */
  readonly callId: string | null;
  /** The model's `call_id` for this function call. */
  readonly toolCallId: string;
  /** Stable across retries of the same call; pass it to external APIs that dedupe. */
  readonly idempotencyKey: string;
  /** Aborted when the tool's timeout passes. */
  readonly signal: AbortSignal;
  readonly logger: LoggerService;
}

/** The provider class a `@Tool()` decorates. */
export interface ToolHandler<I extends object = object, R = unknown> {
  execute(input: I, ctx: ToolContext): Promise<R> | R;
  /** Required for reversible and compensable tools: undoes one executed call. */
  compensate?(input: I, result: R, ctx: ToolContext): Promise<unknown> | unknown;
}
