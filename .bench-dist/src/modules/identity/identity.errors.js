import { DomainError } from '../../common/errors/domain.error.js';
/** Every code the identity module owns. */ export const IDENTITY_ERROR_CODES = [
    'API_KEY_NOT_FOUND'
];
export class ApiKeyNotFoundError extends DomainError {
    constructor(id){
        super({
            code: 'API_KEY_NOT_FOUND',
            status: 404,
            title: 'API key not found',
            detail: `No API key with id "${id}" exists.`
        });
    }
}

//# sourceMappingURL=identity.errors.js.map