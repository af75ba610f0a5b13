import { DomainError } from '../../common/errors/domain.error.js';
/**
 * Every code the approvals module owns. `EXECUTION_INTERRUPTED` has no class: the sweeper records
 * it on an action whose execution was cut off (`pending-actions.repository.ts`).
 */ export const APPROVAL_ERROR_CODES = [
    'ACTION_NOT_FOUND',
    'APPROVER_ROLE_REQUIRED',
    'SELF_APPROVAL',
    'STALE_DIGEST',
    'ACTION_NOT_PENDING',
    'DECISION_CONFLICT',
    'ACTION_IRREVERSIBLE',
    'ROLLBACK_NOT_POSSIBLE',
    'EXECUTION_INTERRUPTED'
];
export class ActionNotFoundError extends DomainError {
    constructor(id, detail = `No action "${id}" exists.`){
        super({
            code: 'ACTION_NOT_FOUND',
            status: 404,
            title: 'Action not found',
            detail
        });
    }
    /** A `call_id` the session never made (rollback by call id). */ static forToolCall(sessionId, callId) {
        return new ActionNotFoundError(callId, `Session ${sessionId} has no tool call "${callId}".`);
    }
}
export class NotAnApproverError extends DomainError {
    /** `roles` of this action, or (`any`) of every action: the caller may decide none at all. */ constructor(roles, of = 'action'){
        super({
            code: 'APPROVER_ROLE_REQUIRED',
            status: 403,
            title: 'Not an approver for this action',
            detail: of === 'any' ? `You may not decide actions; that needs one of the roles: ${roles.join(', ') || '(admin key only)'}.` : `Only these roles may decide this action: ${roles.join(', ')}.`,
            extensions: {
                approverRoles: roles
            }
        });
    }
}
export class SelfApprovalError extends DomainError {
    constructor(){
        super({
            code: 'SELF_APPROVAL',
            status: 403,
            title: 'Cannot decide your own action',
            detail: 'You requested this action, so someone else must approve or reject it.'
        });
    }
}
export class StaleDigestError extends DomainError {
    constructor(){
        super({
            code: 'STALE_DIGEST',
            status: 409,
            title: 'The action is not the one you saw',
            detail: 'The digest you quoted does not match the action. Reload it, check the arguments again and approve with its current digest.'
        });
    }
}
export class ActionNotPendingError extends DomainError {
    constructor(id, status){
        super({
            code: 'ACTION_NOT_PENDING',
            status: 409,
            title: 'Action already settled',
            detail: `Action ${id} is ${status}; only pending actions can be decided.`,
            extensions: {
                state: status
            }
        });
    }
}
export class DecisionConflictError extends DomainError {
    constructor(previous){
        super({
            code: 'DECISION_CONFLICT',
            status: 409,
            title: 'You already decided otherwise',
            detail: `You already chose "${previous}" for this action; a decision cannot be changed.`,
            extensions: {
                previous
            }
        });
    }
}
export class IrreversibleActionError extends DomainError {
    constructor(tool){
        super({
            code: 'ACTION_IRREVERSIBLE',
            status: 409,
            title: 'Cannot be rolled back',
            detail: `The tool "${tool}" is declared irreversible; there is no compensation to run.`
        });
    }
}
export class RollbackNotPossibleError extends DomainError {
    constructor(id, state){
        super({
            code: 'ROLLBACK_NOT_POSSIBLE',
            status: 409,
            title: 'Cannot be rolled back now',
            detail: `Action ${id} is ${state}; only executed actions can be rolled back, and only once.`,
            extensions: {
                state
            }
        });
    }
}

//# sourceMappingURL=approvals.errors.js.map