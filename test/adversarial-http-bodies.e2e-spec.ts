import { gzipSync } from 'node:zlib';

import { SessionClient } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

const MAX_DEPTH = 8;
const MAX_KEYS = 50;

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

interface Answer {
  status: number;
  code?: string;
  type: string | null;
}

describe('adversarial: request bodies, content types and who is told what first', () => {
  let sut: TestApp;
  let customer: string;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_BODY_MAX_DEPTH: String(MAX_DEPTH),
        SWITCHBOARD_BODY_MAX_KEYS: String(MAX_KEYS),
      },
    });
    customer = await userToken({ sub: 'carla', tenant: 'acme', roles: ['customer'] });
  });
  afterAll(() => sut.close());

  async function post(
    path: string,
    body: string | Uint8Array,
    headers: Record<string, string>,
  ): Promise<Answer> {
    const res = await fetch(`${sut.url}${path}`, { method: 'POST', headers, body });
    const type = res.headers.get('content-type');
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    return { status: res.status, code, type };
  }

  // Passes: the shape limits hold for other charsets, compressed bodies and keys hidden in arrays.
  it('refuses deep or key-heavy JSON however it is encoded, and never answers 500', async () => {
    const auth = { authorization: `Bearer ${customer}` };
    const tooDeep = `{"agent":${deep(MAX_DEPTH)}}`;
    const keysInArray = JSON.stringify({
      agent: Array.from({ length: MAX_KEYS }, (_, i) => ({ [`k${i}`]: i })),
    });
    const cases: [name: string, body: string | Uint8Array, type: string, extra?: object][] = [
      ['deep json', tooDeep, 'application/json'],
      [
        'deep json, utf-16le',
        Buffer.from(tooDeep, 'utf16le'),
        'application/json; charset=utf-16le',
      ],
      ['deep json, gzip', gzipSync(tooDeep), 'application/json', { 'content-encoding': 'gzip' }],
      ['keys hidden in array elements', keysInArray, 'application/json'],
    ];
    for (const [name, body, type, extra] of cases) {
      const answer = await post('/v1/sessions', body, { ...auth, 'content-type': type, ...extra });
      expect([name, answer.status, answer.code]).toEqual([
        name,
        400,
        name.startsWith('keys') ? 'BODY_TOO_MANY_KEYS' : 'BODY_TOO_DEEP',
      ]);
    }
    // Types the JSON parser does not take are not parsed at all: never a crash, never a 500.
    for (const type of ['application/merge-patch+json', 'text/plain', 'application/x-ndjson']) {
      const answer = await post('/v1/sessions', deep(100_000), { ...auth, 'content-type': type });
      expect([type, answer.status < 500]).toEqual([type, true]);
    }
    expect((await fetch(`${sut.url}/health`)).status).toBe(200);
  });

  // Body parsing runs as middleware, before the guards; its refusals are deferred until the guards
  // have run, so a principal that may decide nothing learns only 403 (not 400 for a bad body).
  it('answers 403 to a customer deciding an approval, whatever the body looks like', async () => {
    const bodies: [name: string, body: string][] = [
      ['malformed json', '{"digest":'],
      ['too deep', `{"digest":${deep(MAX_DEPTH + 1)}}`],
      [
        'too many keys',
        JSON.stringify(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]))),
      ],
    ];
    for (const route of ['approve', 'reject'])
      for (const [name, body] of bodies) {
        const answer = await post(`/v1/admin/approvals/act_doesnotexist/${route}`, body, {
          authorization: `Bearer ${customer}`,
          'content-type': 'application/json',
        });
        expect([route, name, answer.status, answer.code]).toEqual([
          route,
          name,
          403,
          'APPROVER_ROLE_REQUIRED',
        ]);
      }
  });

  // Passes: rollback by call_id names a session of another tenant as not found, whatever the call.
  it("treats another tenant's session as not found on rollback by call_id", async () => {
    const owner = await SessionClient.as(sut, 'olga', ['customer'], 'acme');
    const { id } = await owner.open();
    const staff = {
      globex: await userToken({ sub: 'gil', tenant: 'globex', roles: ['approver'] }),
      none: await userToken({ sub: 'nat', roles: ['approver'] }),
      emptyTenant: await userToken({ sub: 'eve', tenant: '', roles: ['approver'] }),
      // The owner's own sub without its tenant claim is someone else.
      sameSubNoTenant: await userToken({ sub: 'olga', roles: ['customer', 'approver'] }),
    };
    for (const [who, token] of Object.entries(staff)) {
      const answer = await post(
        `/v1/admin/sessions/${id}/tool-calls/call_anything/rollback`,
        JSON.stringify({ reason: 'not yours' }),
        { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      );
      expect([who, answer.status, answer.code]).toEqual([who, 404, 'SESSION_NOT_FOUND']);
      const actions = await fetch(`${sut.url}/v1/sessions/${id}/actions`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([who, actions.status]).toEqual([who, 404]);
      await actions.body?.cancel();
    }
    // A tenant claim that is not a string is refused outright (read as "no tenant", it would
    // open what belongs to no tenant).
    const numericTenant = await userToken({ sub: 'num', tenant: 7, roles: ['approver'] });
    const refused = await post(
      `/v1/admin/sessions/${id}/tool-calls/call_anything/rollback`,
      JSON.stringify({ reason: 'not yours' }),
      { authorization: `Bearer ${numericTenant}`, 'content-type': 'application/json' },
    );
    expect([refused.status, refused.code]).toEqual([401, 'UNAUTHENTICATED']);
    // Its own tenant's approver gets past the session to the call.
    const acme = await userToken({ sub: 'ada', tenant: 'acme', roles: ['approver'] });
    const own = await post(
      `/v1/admin/sessions/${id}/tool-calls/call_anything/rollback`,
      JSON.stringify({ reason: 'no such call' }),
      { authorization: `Bearer ${acme}`, 'content-type': 'application/json' },
    );
    expect([own.status, own.code]).toEqual([404, 'ACTION_NOT_FOUND']);
  });
});
