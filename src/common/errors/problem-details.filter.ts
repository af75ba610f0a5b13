import { randomUUID } from 'node:crypto';

import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { toDomainError } from './http-error-mapping.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details.js';

/**
 * The single place where errors become HTTP responses (RFC 9457 `application/problem+json`).
 * Unexpected errors are logged with a correlation id and answered with a generic 500 that quotes
 * the same id, so an operator can find the log line without the client seeing internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const correlationId = typeof request.id === 'string' ? request.id : randomUUID();
    const problem = this.toProblem(exception, request, correlationId);
    if (response.headersSent) return;
    const retryAfter = toDomainError(exception)?.retryAfterSeconds;
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request, correlationId: string): ProblemDetails {
    const instance = request.originalUrl?.split('?')[0] ?? request.url;
    const error = toDomainError(exception);
    if (!error) {
      this.logger.error(
        { err: withoutQueryParameters(exception), correlationId },
        'Unhandled error',
      );
      return {
        type: problemType('INTERNAL_ERROR'),
        title: 'Internal server error',
        status: 500,
        detail: `Something went wrong on our side. Quote correlation id ${correlationId} when reporting it.`,
        code: 'INTERNAL_ERROR',
        instance,
        correlationId,
      };
    }
    return {
      ...error.extensions,
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      instance,
      ...(error.errors ? { errors: error.errors } : {}),
    };
  }
}

/**
 * A failed query carries its SQL parameters (request data: document text, names) on the error;
 * the log gets the error without them.
 */
function withoutQueryParameters(exception: unknown): unknown {
  if (!(exception instanceof Error) || !('parameters' in exception)) return exception;
  const {
    parameters: _parameters,
    driverError: _driverError,
    ...rest
  } = exception as Error & Record<string, unknown>;
  return { ...rest, name: exception.name, message: exception.message, stack: exception.stack };
}
