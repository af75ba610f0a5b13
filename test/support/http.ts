import type { ProblemDetails } from '../../src/common/errors/problem-details.js';

/** Reads a problem+json body with its documented shape. */
export async function readProblem(
  res: Response,
): Promise<ProblemDetails & { correlationId?: string }> {
  return (await res.json()) as ProblemDetails & { correlationId?: string };
}
