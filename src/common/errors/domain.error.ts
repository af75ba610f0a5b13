/** One field-level problem, as listed in a problem+json `errors[]` member. */
export interface FieldError {
  /** JSON Pointer into the request body, e.g. `/expiresAfter/seconds`. */
  readonly pointer: string;
  readonly detail: string;
}

/**
 * What a `DomainError` is built from. `C` is the union of codes the thrower may use: each module
 * lists its codes in an `as const` array in its `*.errors.ts` and its errors extend
 * `DomainError<ItsErrorCode>`, so a mistyped code fails the typecheck.
 */
export interface DomainErrorInit<C extends string = string> {
  /** Stable, upper-snake-case identifier clients and the model can branch on. */
  readonly code: C;
  readonly status: number;
  /** Short, fixed summary of the problem type. */
  readonly title: string;
  /** What happened in this case, phrased so a person can act on it. */
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  /** Extra members copied onto the problem document (never secrets). */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /** Sent as the `Retry-After` header (429, 503). */
  readonly retryAfterSeconds?: number;
}

/**
 * Base class for every rule the domain enforces. Services throw these (never `HttpException`);
 * the problem-details filter maps them to RFC 9457 responses, and the tool pipeline hands the same
 * `code` and `detail` to the model.
 */
export class DomainError<C extends string = string> extends Error {
  readonly code: C;
  readonly status: number;
  readonly title: string;
  readonly errors?: readonly FieldError[];
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly retryAfterSeconds?: number;

  constructor(init: DomainErrorInit<C>) {
    super(init.detail);
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.title = init.title;
    this.errors = init.errors;
    this.extensions = init.extensions;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}
