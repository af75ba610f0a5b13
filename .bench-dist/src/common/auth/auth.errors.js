import { DomainError } from '../errors/domain.error.js';
/** Every code of authentication and authorisation (also given to the framework's 401 and 403). */ export const AUTH_ERROR_CODES = [
    'UNAUTHENTICATED',
    'FORBIDDEN'
];
export class UnauthenticatedError extends DomainError {
    constructor(detail){
        super({
            code: 'UNAUTHENTICATED',
            status: 401,
            title: 'Authentication required',
            detail
        });
    }
}
export class ForbiddenError extends DomainError {
    constructor(detail){
        super({
            code: 'FORBIDDEN',
            status: 403,
            title: 'Not allowed',
            detail
        });
    }
}

//# sourceMappingURL=auth.errors.js.map