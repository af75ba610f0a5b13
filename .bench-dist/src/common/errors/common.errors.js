import { DomainError } from './domain.error.js';
/**
 * Every code of the request layer: errors every module may throw, the codes `toDomainError` gives
 * the framework's HTTP errors (its 401 and 403 get the `AUTH_ERROR_CODES`) and the filter's
 * `INTERNAL_ERROR`. Module-specific codes live in `<module>.errors.ts`.
 */ export const COMMON_ERROR_CODES = [
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'BODY_TOO_DEEP',
    'BODY_TOO_MANY_KEYS',
    'UNSUPPORTED_MEDIA_TYPE',
    'BAD_REQUEST',
    'ROUTE_NOT_FOUND',
    'METHOD_NOT_ALLOWED',
    'NOT_ACCEPTABLE',
    'CONFLICT',
    'PAYLOAD_TOO_LARGE',
    'RATE_LIMITED',
    'SERVICE_UNAVAILABLE',
    'HTTP_ERROR',
    'INTERNAL_ERROR'
];
/** Errors every module may throw. Module-specific ones live in `<module>.errors.ts`. */ export class RequestValidationError extends DomainError {
    constructor(errors){
        super({
            code: 'VALIDATION_FAILED',
            status: 400,
            title: 'The request is not valid',
            detail: `${errors.length} field(s) failed validation: ${errors.map((e)=>`${e.pointer || '/'} ${e.detail}`).join('; ')}`,
            errors
        });
    }
}
export class ResourceNotFoundError extends DomainError {
    constructor(kind, id){
        super({
            code: 'NOT_FOUND',
            status: 404,
            title: 'Resource not found',
            detail: `No ${kind} with id "${id}" exists, or you may not see it.`
        });
    }
}
/** A JSON body nested deeper than the configured bound, refused before it is parsed. */ export class BodyTooDeepError extends DomainError {
    constructor(maxDepth){
        super({
            code: 'BODY_TOO_DEEP',
            status: 400,
            title: 'The request body is nested too deeply',
            detail: `The request body nests objects and arrays more than ${maxDepth} levels deep (SWITCHBOARD_BODY_MAX_DEPTH).`
        });
    }
}
/** A body with more object keys (or form fields) than the configured bound. */ export class BodyTooManyKeysError extends DomainError {
    /** `maxKeys` is absent where the refusal comes from the form parser, which does not say it. */ constructor(maxKeys){
        super({
            code: 'BODY_TOO_MANY_KEYS',
            status: 400,
            title: 'The request body has too many keys',
            detail: maxKeys === undefined ? 'The request body has more fields than SWITCHBOARD_BODY_MAX_KEYS allows.' : `The request body has more than ${maxKeys} object keys in all (SWITCHBOARD_BODY_MAX_KEYS).`
        });
    }
}
/** A JSON body in a `utf-*` charset this runtime cannot decode (UTF-32, UTF-7). */ export class UnsupportedCharsetError extends DomainError {
    constructor(charset){
        super({
            code: 'UNSUPPORTED_MEDIA_TYPE',
            status: 415,
            title: 'Unsupported content type',
            detail: `JSON in charset "${charset}" is not accepted; send UTF-8.`
        });
    }
}

//# sourceMappingURL=common.errors.js.map