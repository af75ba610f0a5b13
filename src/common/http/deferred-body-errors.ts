import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';

const DEFERRED = Symbol('deferredBodyError');

type WithDeferred = Request & { [DEFERRED]?: unknown };

/**
 * Express error middleware placed right after the body parsers: a body they refuse (malformed,
 * too large, too deep, too many keys) is remembered instead of answered, so the route's guards run
 * first and a caller who may not use the route learns nothing but 401/403 about it.
 */
export function deferBodyErrors(error: unknown, req: Request, _res: Response, next: NextFunction) {
  (req as WithDeferred)[DEFERRED] = error;
  next();
}

/** Runs after the guards: a remembered body refusal is answered now, before any pipe or handler. */
@Injectable()
export class DeferredBodyErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const error = context.switchToHttp().getRequest<WithDeferred>()[DEFERRED];
    if (error !== undefined) throw error;
    return next.handle();
  }
}
