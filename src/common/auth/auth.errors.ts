import { DomainError } from '../errors/domain.error.js';

/** Every code of authentication and authorisation (also given to the framework's 401 and 403). */
export const AUTH_ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export class UnauthenticatedError extends DomainError<AuthErrorCode> {
  constructor(detail: string) {
    super({ code: 'UNAUTHENTICATED', status: 401, title: 'Authentication required', detail });
  }
}

export class ForbiddenError extends DomainError<AuthErrorCode> {
  constructor(detail: string) {
    super({ code: 'FORBIDDEN', status: 403, title: 'Not allowed', detail });
  }
}
