import { ValidationPipe, type ValidationError } from '@nestjs/common';

import { RequestValidationError } from './common.errors.js';
import type { FieldError } from './domain.error.js';

/**
 * The global pipe: unknown properties are refused (not silently dropped), payloads are turned into
 * DTO instances, and failures become one `VALIDATION_FAILED` problem listing every field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}

/** Flattens nested class-validator errors into JSON-Pointer addressed field errors. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
): FieldError[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${escapePointer(error.property)}`;
    const own = Object.values(error.constraints ?? {}).map((detail) => ({ pointer, detail }));
    return [...own, ...flattenValidationErrors(error.children ?? [], pointer)];
  });
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
