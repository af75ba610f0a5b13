import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { readProblem } from './support/http.js';
import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

const PROBLEM = /^application\/problem\+json/;

describe('HTTP errors as problem+json', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ imports: [ProbeModule], env: { SWITCHBOARD_BODY_LIMIT: '2kb' } });
  });
  afterAll(() => sut.close());

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await fetch(`${sut.url}/v1/nothing-here?x=1`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect(await res.json()).toEqual({
      type: 'urn:switchboard:problem:route-not-found',
      title: 'No such route',
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      detail: 'No route matches GET /v1/nothing-here?x=1. The API is described at /docs.',
      instance: '/v1/nothing-here',
    });
  });

  it('lists every invalid field, nested ones by JSON Pointer, and refuses unknown fields', async () => {
    const res = await fetch(`${sut.url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 42, limits: { seconds: 5 }, admin: true }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    const body = await readProblem(res);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, instance: '/probe/echo' });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/name', detail: 'name must be a string' },
        { pointer: '/limits/seconds', detail: 'seconds must not be less than 10' },
        { pointer: '/admin', detail: 'property admin should not exist' },
      ]),
    );
    expect(body.errors).toHaveLength(3);
  });

  it('passes a valid body through, transformed to the DTO', async () => {
    const res = await fetch(`${sut.url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ok', limits: { seconds: 30 } }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: 'ok', limits: { seconds: 30 } });
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await fetch(`${sut.url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a body over SWITCHBOARD_BODY_LIMIT with 413', async () => {
    const res = await fetch(`${sut.url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(4096), limits: { seconds: 30 } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: expect.stringContaining('SWITCHBOARD_BODY_LIMIT'),
    });
  });

  it('maps a domain error to its own status and code', async () => {
    const res = await fetch(`${sut.url}/probe/domain-error`);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'PROBE_CONFLICT',
      title: 'Probe conflict',
      detail: 'It conflicts.',
      type: 'urn:switchboard:problem:probe-conflict',
    });
  });

  it('hides unexpected errors behind a generic 500 whose correlation id is in the log', async () => {
    const res = await fetch(`${sut.url}/probe/crash`);
    expect(res.status).toBe(500);
    const body = await readProblem(res);
    expect(body).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
    expect(body.correlationId).toBe(res.headers.get('x-request-id'));
    const logged = sut.logs.lines.find((l) => l.msg === 'Unhandled error');
    expect(logged).toMatchObject({ correlationId: body.correlationId, level: 50 });
    expect(JSON.stringify(logged)).toContain('secret internal detail');
  });
});

/** `{"a":{"a":…{}…}}`, `depth` objects deep. */
const deepObject = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
/** One flat object with `count` keys. */
const manyKeys = (count: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])));

describe('HTTP errors: request bodies too deep or with too many keys (default bounds)', () => {
  let sut: TestApp;
  let userJwt: string;
  let adminKey: string;

  beforeAll(async () => {
    sut = await startTestApp({ imports: [ProbeModule], env: JWT_ENV });
    userJwt = await userToken({ sub: 'u_deep', tenant: 'acme', roles: ['customer'] });
    ({ key: adminKey } = await sut.app.get(ApiKeysService).create('admin', ['admin'], 'system'));
  });
  afterAll(() => sut.close());

  const post = (path: string, token: string, body: string, type = 'application/json') =>
    fetch(`${sut.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
  const counts = async () => {
    const [row] = await sut.query<{ sessions: number; keys: number }>(
      `SELECT (SELECT count(*)::int FROM sessions) AS sessions,
              (SELECT count(*)::int FROM api_keys) AS keys`,
    );
    return row;
  };
  const routes = () => [
    ['POST /v1/sessions (user JWT)', '/v1/sessions', userJwt],
    ['POST /v1/admin/api-keys (operator key)', '/v1/admin/api-keys', adminKey],
  ];

  it.each([
    ['objects 5 000 levels deep', deepObject(5000)],
    ['arrays 5 000 levels deep', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['objects 100 000 levels deep', deepObject(100_000)],
  ])(
    'refuses %s with 400 BODY_TOO_DEEP on a user and an admin route, creating nothing',
    async (_, body) => {
      const before = await counts();
      for (const [, path, token] of routes()) {
        const res = await post(path, token, body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(PROBLEM);
        expect(await readProblem(res)).toMatchObject({
          type: 'urn:switchboard:problem:body-too-deep',
          code: 'BODY_TOO_DEEP',
          status: 400,
          instance: path,
          detail: expect.stringContaining('more than 32 levels deep (SWITCHBOARD_BODY_MAX_DEPTH)'),
        });
      }
      expect(await counts()).toEqual(before);
      expect(sut.logs.lines.filter((l) => l.msg === 'Unhandled error')).toEqual([]);
    },
  );

  it('refuses more keys than the bound with 400 BODY_TOO_MANY_KEYS, creating nothing', async () => {
    const before = await counts();
    for (const [, path, token] of routes()) {
      const res = await post(path, token, manyKeys(1001));
      expect(res.status).toBe(400);
      const problem = await readProblem(res);
      expect(problem).toMatchObject({
        code: 'BODY_TOO_MANY_KEYS',
        detail: expect.stringContaining('more than 1000 object keys'),
      });
      // Refused before validation: no field-by-field list of a thousand unknown properties.
      expect(problem.errors).toBeUndefined();
    }
    expect(await counts()).toEqual(before);
  });

  it('does not refuse a body exactly at the bounds for its shape', async () => {
    for (const [, path, token] of routes()) {
      const deep = await readProblem(await post(path, token, deepObject(32)));
      expect(deep).toMatchObject({ code: 'VALIDATION_FAILED' }); // `a` is no field of these DTOs
      const wide = await readProblem(await post(path, token, manyKeys(1000)));
      expect(wide).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await readProblem(await post('/v1/sessions', userJwt, deepObject(33)))).code).toBe(
      'BODY_TOO_DEEP',
    );
  });

  it('still accepts the real bodies, with brackets and colons inside strings', async () => {
    const created = await post(
      '/v1/admin/api-keys',
      adminKey,
      JSON.stringify({ name: `[[[{{{:::${'['.repeat(60)}`, roles: ['approver'] }),
    );
    expect(created.status).toBe(201);
    const opened = await post('/v1/sessions', userJwt, JSON.stringify({ agent: 'default' }));
    expect(opened.status).toBe(201);
    await fetch(`${sut.url}/v1/sessions/${((await opened.json()) as { id: string }).id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${userJwt}` },
    });
  });

  it('keeps form bodies flat and bounds their field count by the same variable', async () => {
    const form = 'application/x-www-form-urlencoded';
    const bracketed = await post('/v1/sessions', userJwt, `${'a['.repeat(5000)}=1`, form);
    expect(bracketed.status).toBe(400);
    expect(await readProblem(bracketed)).toMatchObject({ code: 'VALIDATION_FAILED' });
    const fields = Array.from({ length: 1001 }, (_, i) => `k${i}=1`).join('&');
    const tooMany = await post('/v1/admin/api-keys', adminKey, fields, form);
    expect(tooMany.status).toBe(400);
    expect(await readProblem(tooMany)).toMatchObject({
      code: 'BODY_TOO_MANY_KEYS',
      detail: expect.stringContaining('SWITCHBOARD_BODY_MAX_KEYS'),
    });
  });
});

describe('HTTP errors: configured body shape bounds', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({
      imports: [ProbeModule],
      env: { SWITCHBOARD_BODY_MAX_DEPTH: '2', SWITCHBOARD_BODY_MAX_KEYS: '3' },
    });
  });
  afterAll(() => sut.close());

  const echo = (body: unknown) =>
    fetch(`${sut.url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('accepts a body at exactly the configured depth and key count', async () => {
    const res = await echo({ name: 'ok', limits: { seconds: 30 } }); // 2 levels, 3 keys
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: 'ok', limits: { seconds: 30 } });
  });

  it('refuses one level or one key more', async () => {
    const deeper = await echo({ name: 'ok', limits: { seconds: [30] } });
    expect(await readProblem(deeper)).toMatchObject({
      code: 'BODY_TOO_DEEP',
      detail: expect.stringContaining('more than 2 levels deep'),
    });
    const wider = await echo({ name: 'ok', limits: { seconds: 30 }, more: 1 });
    expect(await readProblem(wider)).toMatchObject({
      code: 'BODY_TOO_MANY_KEYS',
      detail: expect.stringContaining('more than 3 object keys'),
    });
  });
});
