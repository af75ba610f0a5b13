import { DomainError } from '../errors/domain.error.js';

export class UnauthenticatedError extends DomainError {
  constructor(detail: string) {
    super({ code: 'UNAUTHENTICATED', status: 401, title: 'Authentication required', detail });
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: string) {
    super({ code: 'FORBIDDEN', status: 403, title: 'Not allowed', detail });
  }
}
