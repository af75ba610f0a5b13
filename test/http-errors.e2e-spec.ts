import { readProblem } from './support/http.js';
import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

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
