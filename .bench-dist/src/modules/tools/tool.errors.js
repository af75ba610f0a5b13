import { DomainError } from '../../common/errors/domain.error.js';
/**
 * Every code the tools module owns: failures of running a tool, whichever path ran it (a call, an
 * approved action, a rollback).
 */ export const TOOL_ERROR_CODES = [
    'TOOL_TIMEOUT',
    'TOOL_FAILED',
    'ROLLBACK_FAILED',
    'STORED_ARGUMENTS_INVALID'
];
export class ToolTimeoutError extends DomainError {
    constructor(name, timeoutMs){
        super({
            code: 'TOOL_TIMEOUT',
            status: 504,
            title: 'Tool timed out',
            detail: `The tool "${name}" did not finish within ${timeoutMs} ms and was aborted.`
        });
    }
}
export class ToolFailedError extends DomainError {
    constructor(name){
        super({
            code: 'TOOL_FAILED',
            status: 502,
            title: 'Tool failed',
            detail: `The tool "${name}" failed. The error is logged; try again or ask a person for help.`
        });
    }
}
export class CompensationFailedError extends DomainError {
    constructor(name){
        super({
            code: 'ROLLBACK_FAILED',
            status: 502,
            title: 'Compensation failed',
            detail: `The compensation of "${name}" failed; see the server log.`
        });
    }
}
/** Arguments recorded earlier no longer pass the tool's input checks (its DTO changed since). */ export class StoredArgumentsInvalidError extends DomainError {
    constructor(name){
        super({
            code: 'STORED_ARGUMENTS_INVALID',
            status: 409,
            title: 'Stored arguments no longer valid',
            detail: `The recorded arguments of "${name}" no longer pass the tool's input checks; nothing was run.`
        });
    }
}

//# sourceMappingURL=tool.errors.js.map