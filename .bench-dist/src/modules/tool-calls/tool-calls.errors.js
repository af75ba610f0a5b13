import { DomainError } from '../../common/errors/domain.error.js';
/** Every code the tool-calls module owns. */ export const TOOL_CALL_ERROR_CODES = [
    'UNKNOWN_TOOL',
    'SESSION_NOT_ACTIVE',
    'TOOL_DISABLED_NEAR_BUDGET',
    'TOOL_NOT_ALLOWED',
    'TOOL_RATE_LIMITED',
    'INVALID_TOOL_ARGUMENTS',
    'TOOL_CALL_ID_REUSED',
    'APPROVAL_UNAVAILABLE'
];
/**
 * Refusals and failures of the tool pipeline. Each one is audited, returned to a relaying page as
 * problem+json, and told to the model as `{ ok: false, error: { code, message } }` so it can say
 * why.
 */ export class UnknownToolError extends DomainError {
    constructor(name, suggestion){
        super({
            code: 'UNKNOWN_TOOL',
            status: 404,
            title: 'Unknown tool',
            detail: `There is no tool "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
            extensions: suggestion ? {
                suggestion
            } : undefined
        });
    }
}
export class SessionNotActiveError extends DomainError {
    constructor(sessionId, state){
        super({
            code: 'SESSION_NOT_ACTIVE',
            status: 409,
            title: 'Session is not active',
            detail: `Session ${sessionId} is ${state}; tools can only be used while it is active.`,
            extensions: {
                state
            }
        });
    }
}
/** The session's own budget; the code is the one session admission uses for the user's and tenant's. */ export class SessionBudgetSpentError extends DomainError {
    constructor(sessionId){
        super({
            code: 'BUDGET_EXHAUSTED',
            status: 429,
            title: 'Budget spent',
            detail: `Session ${sessionId} has spent its budget; no more tools can run in it.`
        });
    }
}
export class ToolDisabledNearBudgetError extends DomainError {
    constructor(name){
        super({
            code: 'TOOL_DISABLED_NEAR_BUDGET',
            status: 409,
            title: 'Tool disabled near the budget',
            detail: `The tool "${name}" is costly and this session is close to its budget, so it is switched off for the rest of the session.`
        });
    }
}
/** One code for both refusals; `reason` tells the caller's roles from the agent profile. */ export class ToolNotAllowedError extends DomainError {
    constructor(name, reason, agent){
        super({
            code: 'TOOL_NOT_ALLOWED',
            status: 403,
            title: 'Tool not allowed',
            detail: reason === 'role' ? `Your roles do not allow the tool "${name}".` : `The agent "${agent}" does not offer the tool "${name}" in this session.`,
            extensions: {
                reason
            }
        });
    }
}
export class ToolRateLimitedError extends DomainError {
    constructor(name, scope, limit, windowSeconds){
        super({
            code: 'TOOL_RATE_LIMITED',
            status: 429,
            title: 'Tool rate limit reached',
            detail: `The tool "${name}" may run at most ${limit} times per ${windowSeconds} s per ${scope}; try again later.`,
            extensions: {
                scope,
                limit,
                windowSeconds
            },
            retryAfterSeconds: windowSeconds
        });
    }
}
export class InvalidToolArgumentsError extends DomainError {
    constructor(name, errors){
        super({
            code: 'INVALID_TOOL_ARGUMENTS',
            status: 422,
            title: 'Invalid tool arguments',
            detail: `The arguments for "${name}" are invalid: ${errors.map((e)=>`${e.pointer || '(root)'} ${e.detail}`).join('; ')}. Nothing was executed.`,
            errors
        });
    }
}
export class ToolCallIdReusedError extends DomainError {
    constructor(toolCallId){
        super({
            code: 'TOOL_CALL_ID_REUSED',
            status: 409,
            title: 'Tool call id reused',
            detail: `call_id "${toolCallId}" was already used in this session with other arguments or another tool; each call needs its own id.`
        });
    }
}
export class ApprovalUnavailableError extends DomainError {
    constructor(name){
        super({
            code: 'APPROVAL_UNAVAILABLE',
            status: 503,
            title: 'Approval queue unavailable',
            detail: `The tool "${name}" needs a human approval, but no approval queue is configured; nothing was executed.`
        });
    }
}

//# sourceMappingURL=tool-calls.errors.js.map