import { decodeJwt } from 'jose';

import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, TEST_AUDIENCE, TEST_ISSUER } from './support/tokens.js';

const post = (sut: TestApp, path: string, body: unknown) =>
  fetch(`${sut.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The demo page's own API: off unless asked for, and only ever for the seeded demo users. */
describe('demo sign-in', () => {
  describe('when SWITCHBOARD_DEMO_SIGN_IN=true', () => {
    let sut: TestApp;
    beforeAll(async () => {
      sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_DEMO_SIGN_IN: 'true' } });
    });
    afterAll(() => sut.close());

    it('says so loudly at boot', () => {
      const [line] = sut.logs.containing('SWITCHBOARD_DEMO_SIGN_IN is on');
      expect(line).toMatchObject({ level: 40, msg: expect.stringMatching(/never in production/) });
    });

    it('lists the demo users and the agents, Realtime and GPT-Live', async () => {
      const setup = (await (await fetch(`${sut.url}/v1/demo`)).json()) as Record<string, unknown>;
      expect(setup).toMatchObject({ signIn: true, simulator: true });
      expect((setup.users as { id: string }[]).map((user) => user.id)).toEqual([
        'alice',
        'bob',
        'carol',
        'sam',
      ]);
      expect(setup.agents).toEqual([
        { name: 'default', api: 'realtime' },
        { name: 'live', api: 'live' },
      ]);
    });

    it('signs a demo user in with a one-hour token the API accepts as that user', async () => {
      const res = await post(sut, '/v1/demo/sign-in', { user: 'sam' });
      expect(res.status).toBe(200);
      const { token, expiresAt, user } = (await res.json()) as {
        token: string;
        expiresAt: string;
        user: { id: string; tenant: string; roles: string[] };
      };
      expect(user).toMatchObject({ id: 'sam', tenant: 'acme', roles: ['agent'] });
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({
        sub: 'sam',
        tenant: 'acme',
        roles: ['agent'],
        iss: TEST_ISSUER,
        aud: TEST_AUDIENCE,
      });
      expect(claims.exp! - claims.iat!).toBe(3600);
      expect(new Date(expiresAt).getTime()).toBe(claims.exp! * 1000);
      const tools = await fetch(`${sut.url}/v1/tools`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await tools.json()) as { name: string }[]).map((tool) => tool.name)).toContain(
        'issue_refund',
      );
    });

    it.each([
      [{ user: 'mallory' }, 400, 'UNKNOWN_DEMO_USER', /Demo users: alice, bob, carol, sam/],
      [{ user: 'Alice; DROP' }, 400, 'VALIDATION_FAILED', /demo user id/],
      [{}, 400, 'VALIDATION_FAILED', /user/],
    ])('refuses %j with %i %s', async (body, status, code, detail) => {
      const res = await post(sut, '/v1/demo/sign-in', body);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await res.json()).toMatchObject({ code, detail: expect.stringMatching(detail) });
    });
  });

  describe('by default', () => {
    let sut: TestApp;
    beforeAll(async () => {
      sut = await startTestApp({ env: JWT_ENV });
    });
    afterAll(() => sut.close());

    it('signs nobody in, lists no users, and says how to turn it on', async () => {
      const setup = (await (await fetch(`${sut.url}/v1/demo`)).json()) as Record<string, unknown>;
      expect(setup).toMatchObject({ signIn: false, users: [] });
      const res = await post(sut, '/v1/demo/sign-in', { user: 'alice' });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({
        code: 'DEMO_SIGN_IN_OFF',
        detail: expect.stringMatching(/SWITCHBOARD_DEMO_SIGN_IN=true/),
      });
      expect(sut.logs.containing('SWITCHBOARD_DEMO_SIGN_IN is on')).toEqual([]);
      // The page still loads: a developer pastes a token from the CLI instead.
      expect((await fetch(`${sut.url}/`)).status).toBe(200);
    });
  });

  describe('with the demo shop off (production)', () => {
    let sut: TestApp;
    beforeAll(async () => {
      sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_DEMO: 'false' } });
    });
    afterAll(() => sut.close());

    it('serves neither the demo page nor its API, but still the client bundle', async () => {
      expect((await fetch(`${sut.url}/`)).status).toBe(404);
      expect((await fetch(`${sut.url}/v1/demo`)).status).toBe(404);
      expect((await post(sut, '/v1/demo/sign-in', { user: 'alice' })).status).toBe(404);
      expect((await fetch(`${sut.url}/demo/demo.js`)).status).toBe(404);
      expect((await fetch(`${sut.url}/client/switchboard.js`)).status).toBe(200);
    });
  });
});
