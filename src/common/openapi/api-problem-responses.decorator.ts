import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, type MediaTypeObject } from '@nestjs/swagger';

import { PROBLEM_CONTENT_TYPE, problemType } from '../errors/problem-details.js';
import { ProblemDetailsSchema } from './problem-details.schema.js';

/** The stable codes a route answers with, by HTTP status: `{ 429: ['SESSION_LIMIT_REACHED'] }`. */
export type ProblemCodes = Readonly<Partial<Record<number, readonly string[]>>>;

/** A status with the request layer's codes for it, the same with a description, or codes by status. */
export type ProblemSpec = number | readonly [status: number, description: string] | ProblemCodes;

/** How any route that takes a JSON body can be refused before it runs: parsing and validation. */
export const JSON_BODY_PROBLEMS: ProblemCodes = {
  400: ['VALIDATION_FAILED', 'BAD_REQUEST', 'BODY_TOO_DEEP', 'BODY_TOO_MANY_KEYS'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
};

/** The codes a bare status stands for: those the request layer gives it on any route. */
const REQUEST_LAYER_CODES: ProblemCodes = {
  400: ['VALIDATION_FAILED', 'BAD_REQUEST'],
  401: ['UNAUTHENTICATED'],
  403: ['FORBIDDEN'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  500: ['INTERNAL_ERROR'],
};

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid request',
  401: 'Missing or invalid credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the current state',
  413: 'Larger than a limit',
  415: 'Unsupported content type or content',
  422: 'Understood, but cannot be used',
  429: 'A limit is reached; see Retry-After',
  500: 'Unexpected error; quote the correlationId',
  502: 'A dependency refused or failed',
  503: 'A dependency is unavailable',
  504: 'Timed out',
};

/** The codes each route method documents so far, by status; decorators applied later add to them. */
const documented = new WeakMap<object, Map<number, Set<string>>>();

interface ProblemEntry {
  readonly codes: readonly string[];
  readonly description?: string;
}

/**
 * Documents the problem+json error responses of a route, or of every route of a controller, with
 * the stable `code`s each status carries (an enum, and one example per code). Every route gets
 * 500. A bare status documents the codes the request layer gives it (`401` → UNAUTHENTICATED);
 * name a route's own codes by status: `ApiProblemResponses(JSON_BODY_PROBLEMS, { 429: [...] })`.
 * Codes from several decorators of one route (its auth, its class, its own) add up.
 */
export function ApiProblemResponses(...specs: ProblemSpec[]): MethodDecorator & ClassDecorator {
  const entries = toEntries([...specs, 500]);
  const problems = (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (key !== undefined && descriptor) {
      documentRoute(target, key, descriptor, entries);
      return;
    }
    // A controller's problems are each of its routes' too, merged with the route's own codes.
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      if (name !== 'constructor' && typeof method?.value === 'function')
        documentRoute(prototype, name, method, entries);
    }
  };
  return applyDecorators(ApiExtraModels(ProblemDetailsSchema), problems as MethodDecorator);
}

function toEntries(specs: readonly ProblemSpec[]): Map<number, ProblemEntry> {
  const entries = new Map<number, ProblemEntry>();
  const add = (status: number, codes: readonly string[], description?: string) => {
    const known = entries.get(status);
    entries.set(status, {
      codes: [...new Set([...(known?.codes ?? []), ...codes])],
      description: description ?? known?.description,
    });
  };
  for (const spec of specs) {
    if (typeof spec === 'number') add(spec, REQUEST_LAYER_CODES[spec] ?? []);
    else if (isDescribed(spec)) add(spec[0], REQUEST_LAYER_CODES[spec[0]] ?? [], spec[1]);
    else for (const [status, codes] of Object.entries(spec)) add(Number(status), codes ?? []);
  }
  return entries;
}

function isDescribed(spec: ProblemSpec): spec is readonly [number, string] {
  return Array.isArray(spec);
}

function documentRoute(
  target: object,
  key: string | symbol,
  descriptor: PropertyDescriptor,
  entries: ReadonlyMap<number, ProblemEntry>,
): void {
  const route = descriptor.value as object;
  const byStatus = documented.get(route) ?? new Map<number, Set<string>>();
  documented.set(route, byStatus);
  for (const [status, entry] of entries) {
    const known = byStatus.get(status);
    const codes = new Set([...(known ?? []), ...entry.codes]);
    byStatus.set(status, codes);
    ApiResponse({
      status,
      // ApiResponse appends a description to the one a status already has: give only new ones.
      description: entry.description ?? (known ? '' : (DESCRIPTIONS[status] ?? 'Error')),
      content: { [PROBLEM_CONTENT_TYPE]: problemContent(status, [...codes]) },
    })(target, key, descriptor);
  }
}

function problemContent(status: number, codes: string[]): MediaTypeObject {
  const problem = { $ref: getSchemaPath(ProblemDetailsSchema) };
  if (codes.length === 0) return { schema: problem };
  return {
    schema: {
      allOf: [problem, { type: 'object', properties: { code: { type: 'string', enum: codes } } }],
    },
    examples: Object.fromEntries(
      codes.map((code) => [code, { value: { type: problemType(code), status, code } }]),
    ),
  };
}
