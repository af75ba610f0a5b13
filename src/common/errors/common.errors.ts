import { DomainError, type FieldError } from './domain.error.js';

/** Errors every module may throw. Module-specific ones live in `<module>.errors.ts`. */
export class RequestValidationError extends DomainError {
  constructor(errors: readonly FieldError[]) {
    super({
      code: 'VALIDATION_FAILED',
      status: 400,
      title: 'The request is not valid',
      detail: `${errors.length} field(s) failed validation: ${errors
        .map((e) => `${e.pointer || '/'} ${e.detail}`)
        .join('; ')}`,
      errors,
    });
  }
}

export class ResourceNotFoundError extends DomainError {
  constructor(kind: string, id: string) {
    super({
      code: 'NOT_FOUND',
      status: 404,
      title: 'Resource not found',
      detail: `No ${kind} with id "${id}" exists, or you may not see it.`,
    });
  }
}
