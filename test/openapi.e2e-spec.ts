import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { Ajv } from 'ajv';

import { SECURITY_SCHEMES } from '../src/common/openapi/security-schemes.js';
import { EXTRACTION_ERROR_CODES } from '../src/knowledge/extract/index.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { SESSION_ERROR_CODES } from '../src/modules/sessions/index.js';
import { TOOL_CALL_ERROR_CODES } from '../src/modules/tool-calls/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

interface Media {
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, Media> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}
interface Route {
  readonly name: string;
  readonly path: string;
  readonly method: string;
  readonly operation: Operation;
}

const PROBLEM = 'application/problem+json';
const run = promisify(execFile);

/**
 * swagger-parser is CommonJS that requires an ES module, which Jest's module loader refuses; plain
 * Node loads it, so the document is validated in a child process. Resolves with its complaint.
 */
async function validatorComplaint(document: OpenApi): Promise<string | undefined> {
  const script = `import SwaggerParser from '@apidevtools/swagger-parser';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    try { await SwaggerParser.validate(structuredClone(JSON.parse(text))); }
    catch (error) { process.stderr.write(error.message); process.exit(1); }`;
  const validation = run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  validation.child.stdin?.end(JSON.stringify(document));
  return validation.then(
    () => undefined,
    (error: { stderr: string }) => error.stderr || String(error),
  );
}

function routesOf(document: OpenApi): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      method,
      operation,
    })),
  );
}

/** The `code`s a problem response documents: its enum, which must match its examples. */
function problemCodes(media: Media | undefined): string[] {
  const allOf = (media?.schema?.allOf ?? []) as { properties?: { code?: { enum?: string[] } } }[];
  return allOf.flatMap((part) => part.properties?.code?.enum ?? []);
}

function codesAt(route: Route | undefined, status: number): string[] {
  return problemCodes(route?.operation.responses[String(status)]?.content?.[PROBLEM]);
}

/** docs/errors.md: each code with the statuses its catalogue rows give it. */
function catalogue(): Map<string, Set<string>> {
  const markdown = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  const byCode = new Map<string, Set<string>>();
  for (const [, code, status] of markdown.matchAll(
    /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|\s*([^|]+?)\s*\|/gm,
  ))
    byCode.set(code, new Set([...(byCode.get(code) ?? []), status]));
  return byCode;
}

function withStatus(codes: readonly string[], status: number): string[] {
  const statuses = catalogue();
  return codes.filter((code) => statuses.get(code)?.has(String(status)));
}

/** OpenAPI 3.0's `nullable` as JSON Schema, so a null passes `allOf: [$ref]` as it does in 3.0. */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, jsonSchema(v)]));
  return nullable ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

/** Checks values against the document's schemas; answers the complaints. */
function schemaChecker(document: OpenApi) {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const local = (schema: unknown) =>
    JSON.parse(
      JSON.stringify(jsonSchema(schema)).replaceAll(
        '"#/components/schemas/',
        '"openapi#/definitions/',
      ),
    );
  ajv.addSchema({ $id: 'openapi', definitions: local(document.components.schemas) });
  return (schema: unknown, value: unknown): string[] => {
    const validate = ajv.compile(local(schema));
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: unknown;
}

/** One request without a body; a stream is closed once its headers are in. */
async function request(url: string, method: string, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: method.toUpperCase(),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const type = res.headers.get('content-type')?.split(';')[0] ?? '';
  if (type === 'text/event-stream') {
    await res.body?.cancel();
    return { status: res.status, type, body: undefined };
  }
  const text = await res.text();
  return {
    status: res.status,
    type,
    body: /^application\/(problem\+)?json$/.test(type) ? JSON.parse(text) : text,
  };
}

describe('OpenAPI document at /docs-json', () => {
  let sut: TestApp;
  let document: OpenApi;
  let routes: Route[];
  let check: ReturnType<typeof schemaChecker>;
  const route = (name: string) => routes.find((r) => r.name === name);

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_SESSIONS_PER_USER: '1' } });
    document = (await (await fetch(`${sut.url}/docs-json`)).json()) as OpenApi;
    routes = routesOf(document);
    check = schemaChecker(document);
  });
  afterAll(() => sut.close());

  it('is valid OpenAPI, as swagger-parser checks it', async () => {
    expect(await validatorComplaint(document)).toBeUndefined();
    // The validator is really at work: a dangling reference is refused.
    const broken = structuredClone(document);
    delete broken.components.schemas.SessionView;
    expect(await validatorComplaint(broken)).toMatch(/SessionView/);
  });

  it('serves Swagger UI at /docs, which keeps no credentials in the browser', async () => {
    const page = await fetch(`${sut.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('swagger-ui');
    const init = await (await fetch(`${sut.url}/docs/swagger-ui-init.js`)).text();
    expect(init).toMatch(/"persistAuthorization":\s*false/);
  });

  it('defines both security schemes, and operations name only those, each once', () => {
    expect(document.components.securitySchemes).toEqual(SECURITY_SCHEMES);
    expect(document.components.securitySchemes).toMatchObject({
      'user-jwt': { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      'operator-api-key': { type: 'http', scheme: 'bearer' },
    });
    const wrong = routes.flatMap(({ name, operation }) => {
      const named = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
      const unknown = named.filter((scheme) => !(scheme in SECURITY_SCHEMES));
      return unknown.length || new Set(named).size < named.length ? [`${name}: ${named}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('asks for credentials on every route that needs them, and on no other', async () => {
    const wrong: string[] = [];
    for (const { name, path, method, operation } of routes) {
      const secured = (operation.security ?? []).length > 0;
      const answer = await request(`${sut.url}${path.replace(/\{[^}]+\}/g, 'x')}`, method);
      const code = (answer.body as { code?: string } | undefined)?.code;
      if (secured && (answer.status !== 401 || code !== 'UNAUTHENTICATED'))
        wrong.push(`${name} has security but answered ${answer.status} ${code}`);
      if (!secured && (answer.status === 401 || answer.status === 403))
        wrong.push(`${name} has no security but answered ${answer.status}`);
      if (secured && !codesAt(route(name), 401).includes('UNAUTHENTICATED'))
        wrong.push(`${name} does not document 401 UNAUTHENTICATED`);
    }
    expect(wrong).toEqual([]);
    expect(routes.filter((r) => !r.operation.security?.length).map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /ready',
        'GET /metrics',
        'GET /v1/audit/public-key',
      ]),
    );
  });

  it('documents a schema and an example for every success response', () => {
    const missing = routes.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^2\d\d$/.test(status) && status !== '204')
        .flatMap(([status, response]) => {
          const media = Object.entries(response.content ?? {});
          if (!media.length) return [`${name} ${status}: no content`];
          return media
            .filter(
              ([, m]) => !m.schema || (m.example ?? m.examples ?? m.schema.example) === undefined,
            )
            .map(([type]) => `${name} ${status} ${type}: no schema or no example`);
        }),
    );
    expect(missing).toEqual([]);
  });

  it('gives JSON success examples that match their own schemas', () => {
    const wrong = routes.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^2\d\d$/.test(status))
        .flatMap(([status, response]) => {
          const json = response.content?.['application/json'];
          if (!json?.schema || json.example === undefined) return [];
          return check(json.schema, json.example).map((e) => `${name} ${status}: ${e}`);
        }),
    );
    expect(wrong).toEqual([]);
  });

  it('names the stable codes of every problem response: codes the catalogue gives that status', () => {
    const statuses = catalogue();
    const wrong = routes.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([, response]) => response.content?.[PROBLEM])
        .flatMap(([status, response]) => {
          const media = response.content![PROBLEM];
          const codes = problemCodes(media);
          if (!codes.length) return [`${name} ${status}: no codes`];
          return codes.flatMap((code) => [
            ...(statuses.get(code)?.has(status)
              ? []
              : [`${name} ${status}: ${code} is not a ${status}`]),
            ...(media.examples?.[code] ? [] : [`${name} ${status}: no example of ${code}`]),
          ]);
        }),
    );
    expect(wrong).toEqual([]);
  });

  it('documents 429 of POST /v1/sessions as the session limits, not RATE_LIMITED', () => {
    const codes = codesAt(route('POST /v1/sessions'), 429);
    expect(codes).toEqual(['SESSION_LIMIT_REACHED', 'BUDGET_EXHAUSTED']);
    expect(codes).not.toContain('RATE_LIMITED');
    // …which are all the 429s the sessions module defines.
    expect(new Set(codes)).toEqual(new Set(withStatus(SESSION_ERROR_CODES, 429)));
  });

  it('documents what the code defines for uploads and relayed tool calls', () => {
    for (const name of [
      'POST /v1/knowledge/sources/{id}/documents',
      'PUT /v1/knowledge/documents/{id}',
    ]) {
      expect(new Set(codesAt(route(name), 422))).toEqual(
        new Set(withStatus(EXTRACTION_ERROR_CODES, 422)),
      );
      for (const status of [413, 415])
        expect(codesAt(route(name), status)).toEqual(
          expect.arrayContaining(withStatus(EXTRACTION_ERROR_CODES, status)),
        );
    }
    const relay = route('POST /v1/sessions/{id}/tool-calls');
    const statuses = catalogue();
    const undocumented = TOOL_CALL_ERROR_CODES.filter(
      (code) =>
        ![...(statuses.get(code) ?? [])].some((s) => codesAt(relay, Number(s)).includes(code)),
    );
    expect(undocumented).toEqual([]);
  });

  it('answers POST /v1/sessions over the limit with a documented 429', async () => {
    const token = await userToken({ sub: 'limited', tenant: 'acme', roles: ['customer'] });
    const open = () =>
      fetch(`${sut.url}/v1/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
    expect((await open()).status).toBe(201);
    const refused = await open();
    expect(refused.status).toBe(429);
    const { code } = (await refused.json()) as { code: string };
    expect(code).toBe('SESSION_LIMIT_REACHED');
    expect(codesAt(route('POST /v1/sessions'), 429)).toContain(code);
  });

  it('answers only what it documents: statuses, content types, codes and bodies', async () => {
    const { key } = await sut.app.get(ApiKeysService).create('sweep', ['admin'], 'system');
    const callers = {
      user: await userToken({ sub: 'sweeper', tenant: 'acme', roles: [] }),
      admin: key,
    };
    const wrong: string[] = [];
    let bodiesChecked = 0;
    for (const [who, token] of Object.entries(callers))
      for (const r of routes)
        // Unknown ids, and ids the database cannot store (a NUL).
        for (const id of r.path.includes('{') ? ['x', '%00'] : ['']) {
          const url = `${sut.url}${r.path.replace(/\{[^}]+\}/g, id)}`;
          const answer = await request(url, r.method, token);
          const at = `${r.name} (${who}, ${id || 'no id'}) → ${answer.status}`;
          const documented = r.operation.responses[String(answer.status)];
          if (!documented) {
            wrong.push(`${at}: status not documented`);
            continue;
          }
          const media = documented.content?.[answer.type];
          if (answer.status !== 204 && !media) wrong.push(`${at}: ${answer.type} not documented`);
          const code = (answer.body as { code?: string } | undefined)?.code;
          if (answer.status >= 400 && !problemCodes(media).includes(code ?? ''))
            wrong.push(`${at}: code ${code} not documented`);
          if (answer.status < 300 && media?.schema && answer.type === 'application/json') {
            wrong.push(...check(media.schema, answer.body).map((e) => `${at}: ${e}`));
            bodiesChecked += 1;
          }
        }
    expect(wrong).toEqual([]);
    expect(bodiesChecked).toBeGreaterThan(10);
  });
});
