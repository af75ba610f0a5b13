import { DomainError } from '../../common/errors/domain.error.js';
/** Every code the sessions module owns (`BUDGET_EXHAUSTED` is also thrown by the tool pipeline). */ export const SESSION_ERROR_CODES = [
    'SESSION_NOT_FOUND',
    'UNKNOWN_AGENT',
    'SESSION_LIMIT_REACHED',
    'SESSION_STATE_CONFLICT',
    'UPSTREAM_ERROR',
    'BUDGET_EXHAUSTED'
];
export class SessionNotFoundError extends DomainError {
    constructor(id){
        super({
            code: 'SESSION_NOT_FOUND',
            status: 404,
            title: 'Session not found',
            detail: `No session "${id}" exists for you.`
        });
    }
}
export class UnknownAgentError extends DomainError {
    constructor(agent, known){
        super({
            code: 'UNKNOWN_AGENT',
            status: 400,
            title: 'Unknown agent profile',
            detail: `There is no agent profile "${agent}". Known profiles: ${known.join(', ')}.`
        });
    }
}
export class SessionLimitError extends DomainError {
    constructor(scope, limit, retryAfterSeconds){
        super({
            code: 'SESSION_LIMIT_REACHED',
            status: 429,
            title: 'Too many concurrent sessions',
            detail: `The limit of ${limit} concurrent session(s) per ${scope === 'total' ? 'deployment' : scope} is reached. End a session or retry after ${retryAfterSeconds} s.`,
            extensions: {
                scope,
                limit
            },
            retryAfterSeconds
        });
    }
}
export class SessionStateError extends DomainError {
    constructor(detail){
        super({
            code: 'SESSION_STATE_CONFLICT',
            status: 409,
            title: 'Not possible in this session state',
            detail
        });
    }
}
export class UpstreamError extends DomainError {
    constructor(detail){
        super({
            code: 'UPSTREAM_ERROR',
            status: 502,
            title: 'OpenAI refused the request',
            detail
        });
    }
}
export class BudgetExhaustedError extends DomainError {
    constructor(scope, budgetUsd, retryAfterSeconds){
        super({
            code: 'BUDGET_EXHAUSTED',
            status: 429,
            title: 'Budget spent',
            detail: `The ${scope === 'user_day' ? "user's daily" : "tenant's monthly"} budget of ${budgetUsd} USD is spent; no new session can start before it resets.`,
            extensions: {
                scope,
                budgetUsd
            },
            retryAfterSeconds
        });
    }
}

//# sourceMappingURL=sessions.errors.js.map