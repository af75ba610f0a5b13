import type { DomainError, FieldError } from '../../common/errors/domain.error.js';

/** What the model receives as `function_call_output` (JSON-encoded), and a relaying page as body. */
export type ToolOutput =
  | { readonly ok: true; readonly result: unknown }
  | {
      readonly ok: true;
      readonly status: 'pending_approval';
      readonly actionId: string;
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly errors?: readonly FieldError[];
        /** The problem's extension members (`reason`, `suggestion`, `scope`…), as a page gets them. */
        readonly [extension: string]: unknown;
      };
    };

/** The model learns what a relaying page learns from the problem document: code, detail, members. */
export function errorOutput(error: DomainError): ToolOutput {
  return {
    ok: false,
    error: {
      ...error.extensions,
      code: error.code,
      message: error.message,
      ...(error.errors?.length ? { errors: error.errors } : {}),
    },
  };
}
