import { DomainError } from '../../common/errors/domain.error.js';

/** Every code the sessions module owns (`BUDGET_EXHAUSTED` is also thrown by the tool pipeline). */
export const SESSION_ERROR_CODES = [
  'SESSION_NOT_FOUND',
  'UNKNOWN_AGENT',
  'MODE_NOT_SUPPORTED',
  'SESSION_LIMIT_REACHED',
  'SESSION_STATE_CONFLICT',
  'UPSTREAM_ERROR',
  'BUDGET_EXHAUSTED',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

export class SessionNotFoundError extends DomainError<SessionErrorCode> {
  constructor(id: string) {
    super({
      code: 'SESSION_NOT_FOUND',
      status: 404,
      title: 'Session not found',
      detail: `No session "${id}" exists for you.`,
    });
  }
}

export class UnknownAgentError extends DomainError<SessionErrorCode> {
  constructor(agent: string, known: string[]) {
    super({
      code: 'UNKNOWN_AGENT',
      status: 400,
      title: 'Unknown agent profile',
      detail: `There is no agent profile "${agent}". Known profiles: ${known.join(', ')}.`,
    });
  }
}

/** GPT-Live has no ephemeral client keys: its sessions connect through Switchboard only. */
export class ModeNotSupportedError extends DomainError<SessionErrorCode> {
  constructor(agent: string) {
    super({
      code: 'MODE_NOT_SUPPORTED',
      status: 400,
      title: 'Connection mode not supported by this agent',
      detail: `The agent profile "${agent}" runs on GPT-Live, which has no ephemeral client keys; open the session in proxy mode (omit "mode" or send "proxy") and post the SDP offer to its sdpUrl.`,
    });
  }
}

export class SessionLimitError extends DomainError<SessionErrorCode> {
  constructor(scope: 'user' | 'tenant' | 'total', limit: number, retryAfterSeconds: number) {
    super({
      code: 'SESSION_LIMIT_REACHED',
      status: 429,
      title: 'Too many concurrent sessions',
      detail: `The limit of ${limit} concurrent session(s) per ${scope === 'total' ? 'deployment' : scope} is reached. End a session or retry after ${retryAfterSeconds} s.`,
      extensions: { scope, limit },
      retryAfterSeconds,
    });
  }
}

export class SessionStateError extends DomainError<SessionErrorCode> {
  constructor(detail: string) {
    super({
      code: 'SESSION_STATE_CONFLICT',
      status: 409,
      title: 'Not possible in this session state',
      detail,
    });
  }
}

export class UpstreamError extends DomainError<SessionErrorCode> {
  constructor(detail: string) {
    super({ code: 'UPSTREAM_ERROR', status: 502, title: 'OpenAI refused the request', detail });
  }
}

export class BudgetExhaustedError extends DomainError<SessionErrorCode> {
  constructor(scope: 'user_day' | 'tenant_month', budgetUsd: number, retryAfterSeconds: number) {
    super({
      code: 'BUDGET_EXHAUSTED',
      status: 429,
      title: 'Budget spent',
      detail: `The ${scope === 'user_day' ? "user's daily" : "tenant's monthly"} budget of ${budgetUsd} USD is spent; no new session can start before it resets.`,
      extensions: { scope, budgetUsd },
      retryAfterSeconds,
    });
  }
}
