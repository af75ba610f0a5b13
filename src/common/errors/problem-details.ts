import type { FieldError } from './domain.error.js';

/** An RFC 9457 problem document as Switchboard sends it. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types are URNs: stable identifiers that do not pretend to resolve; docs/errors.md lists them.
 */
export function problemType(code: string): string {
  return `urn:switchboard:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
