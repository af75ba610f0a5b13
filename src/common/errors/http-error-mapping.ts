import { HttpException, HttpStatus } from '@nestjs/common';

import type { AuthErrorCode } from '../auth/auth.errors.js';
import { BodyTooManyKeysError, type CommonErrorCode } from './common.errors.js';
import { DomainError } from './domain.error.js';

/** The codes the framework's own HTTP errors are given. */
type HttpErrorCode = CommonErrorCode | AuthErrorCode;

const CODE_BY_STATUS: Record<number, [code: HttpErrorCode, title: string]> = {
  [HttpStatus.BAD_REQUEST]: ['BAD_REQUEST', 'The request is malformed'],
  [HttpStatus.UNAUTHORIZED]: ['UNAUTHENTICATED', 'Authentication required'],
  [HttpStatus.FORBIDDEN]: ['FORBIDDEN', 'Not allowed'],
  [HttpStatus.NOT_FOUND]: ['ROUTE_NOT_FOUND', 'No such route'],
  [HttpStatus.METHOD_NOT_ALLOWED]: ['METHOD_NOT_ALLOWED', 'Method not allowed'],
  [HttpStatus.NOT_ACCEPTABLE]: ['NOT_ACCEPTABLE', 'Not acceptable'],
  [HttpStatus.CONFLICT]: ['CONFLICT', 'Conflict'],
  [HttpStatus.PAYLOAD_TOO_LARGE]: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type'],
  [HttpStatus.TOO_MANY_REQUESTS]: ['RATE_LIMITED', 'Too many requests'],
  [HttpStatus.SERVICE_UNAVAILABLE]: ['SERVICE_UNAVAILABLE', 'Service unavailable'],
};

/** Where the framework's own wording does not tell a person what to do. */
const DETAIL_BY_STATUS: Record<number, string> = {
  [HttpStatus.PAYLOAD_TOO_LARGE]:
    'The request body exceeds the size limit (SWITCHBOARD_BODY_LIMIT).',
};

/** Body-parser and similar middleware errors carry an HTTP status and an `expose` flag. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message: string;
}

/**
 * Turns anything thrown into a `DomainError`, or `undefined` for an unexpected error (a bug),
 * which the filter answers with a generic 500 so internals never leak.
 */
export function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof HttpException) {
    // Nest wraps errors from Express middleware (the body parsers) with the original as `cause`.
    const original = fromBodyParser(error.cause);
    if (original) return original;
    const status = error.getStatus();
    return fromStatus(status, DETAIL_BY_STATUS[status] ?? httpDetail(error));
  }
  const unstorable = unstorableValue(error);
  if (unstorable) return unstorable;
  const httpish = error as HttpishError | undefined;
  const status = httpish?.status ?? httpish?.statusCode;
  if (httpish?.expose && typeof status === 'number' && status >= 400 && status < 500) {
    return fromBodyParser(httpish) ?? fromStatus(status, bodyParserDetail(httpish));
  }
  return undefined;
}

/** A refusal of ours thrown inside a body parser, or one of its errors that has a code of ours. */
function fromBodyParser(cause: unknown): DomainError | undefined {
  if (cause instanceof DomainError) return cause;
  // The form parser's field limit is SWITCHBOARD_BODY_MAX_KEYS, not a size (it answers 413).
  if ((cause as HttpishError | undefined)?.type === 'parameters.too.many')
    return new BodyTooManyKeysError();
  return undefined;
}

function fromStatus(status: number, detail: string): DomainError<HttpErrorCode> {
  const [code, title]: [HttpErrorCode, string] = CODE_BY_STATUS[status] ?? [
    'HTTP_ERROR',
    'Request failed',
  ];
  return new DomainError({ code, status, title, detail });
}

function httpDetail(error: HttpException): string {
  const response = error.getResponse();
  const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const message = Array.isArray(raw)
    ? raw.join('; ')
    : typeof raw === 'string'
      ? raw
      : error.message;
  // Nest's router says "Cannot GET /x"; say what to do about it instead.
  const unmatched = /^Cannot (\w+) (.*)$/.exec(message);
  return unmatched
    ? `No route matches ${unmatched[1]} ${unmatched[2]}. The API is described at /docs.`
    : message;
}

function bodyParserDetail(error: HttpishError): string {
  const status = error.status ?? error.statusCode ?? 0;
  if (DETAIL_BY_STATUS[status]) return DETAIL_BY_STATUS[status];
  return error.type === 'entity.parse.failed'
    ? `The request body is not valid JSON: ${error.message}`
    : error.message;
}

/**
 * PostgreSQL codes for a value it cannot store: a NUL or invalid character (22021, 22P05), a date
 * or time out of range (22008, 22007). They come from request data that validation let through,
 * so they are the caller's 400, never a 500; the transaction that hit them rolled back.
 */
const UNSTORABLE_VALUE_CODES = new Set(['22021', '22P05', '22008', '22007']);

function unstorableValue(error: unknown): DomainError<HttpErrorCode> | undefined {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown } | undefined)
    ?.driverError?.code;
  if (typeof code !== 'string' || !UNSTORABLE_VALUE_CODES.has(code)) return undefined;
  return fromStatus(
    400,
    'The request holds a value the database cannot store: a NUL or invalid character, or a date out of range. Remove it and send the request again.',
  );
}
