import { HttpException, HttpStatus } from '@nestjs/common';
import { BodyTooManyKeysError } from './common.errors.js';
import { DomainError } from './domain.error.js';
const CODE_BY_STATUS = {
    [HttpStatus.BAD_REQUEST]: [
        'BAD_REQUEST',
        'The request is malformed'
    ],
    [HttpStatus.UNAUTHORIZED]: [
        'UNAUTHENTICATED',
        'Authentication required'
    ],
    [HttpStatus.FORBIDDEN]: [
        'FORBIDDEN',
        'Not allowed'
    ],
    [HttpStatus.NOT_FOUND]: [
        'ROUTE_NOT_FOUND',
        'No such route'
    ],
    [HttpStatus.METHOD_NOT_ALLOWED]: [
        'METHOD_NOT_ALLOWED',
        'Method not allowed'
    ],
    [HttpStatus.NOT_ACCEPTABLE]: [
        'NOT_ACCEPTABLE',
        'Not acceptable'
    ],
    [HttpStatus.CONFLICT]: [
        'CONFLICT',
        'Conflict'
    ],
    [HttpStatus.PAYLOAD_TOO_LARGE]: [
        'PAYLOAD_TOO_LARGE',
        'The request body is too large'
    ],
    [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: [
        'UNSUPPORTED_MEDIA_TYPE',
        'Unsupported content type'
    ],
    [HttpStatus.TOO_MANY_REQUESTS]: [
        'RATE_LIMITED',
        'Too many requests'
    ],
    [HttpStatus.SERVICE_UNAVAILABLE]: [
        'SERVICE_UNAVAILABLE',
        'Service unavailable'
    ]
};
/** Where the framework's own wording does not tell a person what to do. */ const DETAIL_BY_STATUS = {
    [HttpStatus.PAYLOAD_TOO_LARGE]: 'The request body exceeds the size limit (SWITCHBOARD_BODY_LIMIT).'
};
/**
 * Turns anything thrown into a `DomainError`, or `undefined` for an unexpected error (a bug),
 * which the filter answers with a generic 500 so internals never leak.
 */ export function toDomainError(error) {
    if (error instanceof DomainError) return error;
    if (error instanceof HttpException) {
        // Nest wraps errors from Express middleware (the body parsers) with the original as `cause`.
        const original = fromBodyParser(error.cause);
        if (original) return original;
        const status = error.getStatus();
        return fromStatus(status, DETAIL_BY_STATUS[status] ?? httpDetail(error));
    }
    const httpish = error;
    const status = httpish?.status ?? httpish?.statusCode;
    if (httpish?.expose && typeof status === 'number' && status >= 400 && status < 500) {
        return fromBodyParser(httpish) ?? fromStatus(status, bodyParserDetail(httpish));
    }
    return undefined;
}
/** A refusal of ours thrown inside a body parser, or one of its errors that has a code of ours. */ function fromBodyParser(cause) {
    if (cause instanceof DomainError) return cause;
    // The form parser's field limit is SWITCHBOARD_BODY_MAX_KEYS, not a size (it answers 413).
    if (cause?.type === 'parameters.too.many') return new BodyTooManyKeysError();
    return undefined;
}
function fromStatus(status, detail) {
    const [code, title] = CODE_BY_STATUS[status] ?? [
        'HTTP_ERROR',
        'Request failed'
    ];
    return new DomainError({
        code,
        status,
        title,
        detail
    });
}
function httpDetail(error) {
    const response = error.getResponse();
    const raw = typeof response === 'string' ? response : response.message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : error.message;
    // Nest's router says "Cannot GET /x"; say what to do about it instead.
    const unmatched = /^Cannot (\w+) (.*)$/.exec(message);
    return unmatched ? `No route matches ${unmatched[1]} ${unmatched[2]}. The API is described at /docs.` : message;
}
function bodyParserDetail(error) {
    const status = error.status ?? error.statusCode ?? 0;
    if (DETAIL_BY_STATUS[status]) return DETAIL_BY_STATUS[status];
    return error.type === 'entity.parse.failed' ? `The request body is not valid JSON: ${error.message}` : error.message;
}

//# sourceMappingURL=http-error-mapping.js.map