import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { readProblem } from './support/http.js';
import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, TEST_AUDIENCE, TEST_ISSUER, unsignedToken, userToken } from './support/tokens.js';

const get = (sut: TestApp, path: string, token?: string) =>
  fetch(`${sut.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('identity: who may call what', () => {
  let sut: TestApp;
  let adminKey: string;

  beforeAll(async () => {
    sut = await startTestApp({ imports: [ProbeModule], env: JWT_ENV });
    ({ key: adminKey } = await sut.app
      .get(ApiKeysService)
      .create('bootstrap admin', ['admin'], 'system'));
  });
  afterAll(() => sut.close());

  describe('app users (JWT)', () => {
    it('maps claims to a principal', async () => {
      const token = await userToken({ sub: 'u_1', tenant: 'acme', roles: ['customer'] });
      const res = await get(sut, '/probe/auth/user', token);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        kind: 'user',
        id: 'u_1',
        tenantId: 'acme',
        roles: ['customer'],
      });
    });

    it.each([
      ['no Authorization header', undefined, 'Send credentials as "Authorization: Bearer'],
      [
        'a wrong issuer',
        () => userToken({ sub: 'u' }, { issuer: 'https://evil.test' }),
        'the "iss" claim is not accepted',
      ],
      [
        'a wrong audience',
        () => userToken({ sub: 'u' }, { audience: 'other' }),
        'the "aud" claim is not accepted',
      ],
      [
        'an expired token',
        () => userToken({ sub: 'u' }, { expiresIn: Math.floor(Date.now() / 1000) - 120 }),
        'it has expired',
      ],
      [
        'alg none',
        async () => unsignedToken({ sub: 'u', iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: 9e9 }),
        'refused',
      ],
      [
        'a wrong secret',
        () => userToken({ sub: 'u' }, { secret: 'another-secret-of-at-least-32-characters!!' }),
        'the signature does not verify',
      ],
      ['garbage', async () => 'not.a.jwt', 'refused'],
    ])('refuses %s with 401 UNAUTHENTICATED', async (_, makeToken, detail) => {
      const res = await get(sut, '/probe/auth/user', makeToken ? await makeToken() : undefined);
      expect(res.status).toBe(401);
      const problem = await readProblem(res);
      expect(problem).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect(problem.detail).toContain(detail);
    });

    it('refuses a token without exp', async () => {
      const token = await new SignJWT({ sub: 'u' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .sign(new TextEncoder().encode(JWT_ENV.SWITCHBOARD_JWT_SECRET));
      expect((await get(sut, '/probe/auth/user', token)).status).toBe(401);
    });

    it('checks route roles: 403 without the role, 200 with it', async () => {
      const customer = await userToken({ sub: 'u_2', roles: ['customer'] });
      const agent = await userToken({ sub: 'u_3', roles: ['agent', 'supervisor'] });
      const refused = await get(sut, '/probe/auth/agent', customer);
      expect(refused.status).toBe(403);
      expect(await readProblem(refused)).toMatchObject({
        code: 'FORBIDDEN',
        detail: 'This needs one of the roles: agent.',
      });
      expect((await get(sut, '/probe/auth/agent', agent)).status).toBe(200);
    });

    it('refuses a roles claim sent as a string, naming the claim and the setting (401)', async () => {
      const token = await userToken({ sub: 'u_5', roles: 'agent supervisor' });
      const res = await get(sut, '/probe/auth/agent', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await readProblem(res)).toMatchObject({
        code: 'UNAUTHENTICATED',
        status: 401,
        detail:
          'The bearer token\'s "roles" claim is a string; it must be an array of strings (a space-separated string needs SWITCHBOARD_JWT_ROLES_FORMAT=array-or-space-separated).',
      });
    });

    it('keeps users off operator routes (403)', async () => {
      const token = await userToken({ sub: 'u_4', roles: ['admin'] });
      expect((await get(sut, '/probe/auth/approver', token)).status).toBe(403);
    });
  });

  it('closes a route that declares no access rule, whoever calls', async () => {
    const res = await get(sut, '/probe/auth/unruled', adminKey);
    expect(res.status).toBe(403);
    expect(await readProblem(res)).toMatchObject({
      detail: 'This route declares no access rule, so it is closed.',
    });
  });

  describe('operators (API keys)', () => {
    const admin = (path: string, init: RequestInit = {}) =>
      fetch(`${sut.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${adminKey}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      });

    it('creates a key shown once, lists keys without secrets, and revokes at once', async () => {
      const created = await admin('/v1/admin/api-keys', {
        method: 'POST',
        body: JSON.stringify({ name: 'Alice', roles: ['approver'] }),
      });
      expect(created.status).toBe(201);
      const body = (await created.json()) as { id: string; key: string; prefix: string };
      expect(body.key).toMatch(/^sk_sb_[A-Za-z0-9_-]{43}$/);
      expect(body.key.startsWith(body.prefix)).toBe(true);

      const whoami = await get(sut, '/probe/auth/approver', body.key);
      expect(await whoami.json()).toMatchObject({
        kind: 'api-key',
        id: body.id,
        roles: ['approver'],
        name: 'Alice',
      });

      const listed = await (await admin('/v1/admin/api-keys')).text();
      expect(listed).toContain(body.id);
      expect(listed).not.toContain(body.key);

      const stored = await sut.query<{ key_hash: Buffer }>(
        `SELECT key_hash FROM api_keys WHERE id = $1`,
        [body.id],
      );
      expect(stored[0].key_hash).toHaveLength(32);

      expect((await admin(`/v1/admin/api-keys/${body.id}`, { method: 'DELETE' })).status).toBe(200);
      const after = await get(sut, '/probe/auth/approver', body.key);
      expect(after.status).toBe(401);
      expect(await readProblem(after)).toMatchObject({
        detail: 'The API key is unknown or has been revoked.',
      });
    });

    it('refuses a key without the route role, and unknown keys', async () => {
      const { key } = await sut.app.get(ApiKeysService).create('auditor', ['auditor'], 'system');
      expect((await get(sut, '/probe/auth/approver', key)).status).toBe(403);
      expect((await get(sut, '/probe/auth/approver', 'sk_sb_nottherightkey')).status).toBe(401);
    });

    it('keeps non-admins off the key admin API and validates input', async () => {
      const { key } = await sut.app.get(ApiKeysService).create('approver', ['approver'], 'system');
      const forbidden = await fetch(`${sut.url}/v1/admin/api-keys`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(forbidden.status).toBe(403);
      const bad = await admin('/v1/admin/api-keys', {
        method: 'POST',
        body: JSON.stringify({ name: 'x', roles: ['boss'] }),
      });
      expect(bad.status).toBe(400);
      expect((await readProblem(bad)).errors).toEqual([
        {
          pointer: '/roles',
          detail: 'each role must be one of admin, approver, knowledge_editor, auditor',
        },
      ]);
      const missing = await admin('/v1/admin/api-keys/key_nope', { method: 'DELETE' });
      expect(missing.status).toBe(404);
      expect(await readProblem(missing)).toMatchObject({ code: 'API_KEY_NOT_FOUND' });
    });

    it('audits key creation and revocation without the key', async () => {
      const rows = await sut.query<{ action: string; data: unknown }>(
        `SELECT action, data FROM audit_log WHERE action LIKE 'api_key.%' ORDER BY seq`,
      );
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['api_key.created', 'api_key.revoked']),
      );
      expect(JSON.stringify(rows)).not.toContain('sk_sb_');
    });
  });
});

describe('identity: SWITCHBOARD_JWT_ROLES_FORMAT=array-or-space-separated', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({
      imports: [ProbeModule],
      env: { ...JWT_ENV, SWITCHBOARD_JWT_ROLES_FORMAT: 'array-or-space-separated' },
    });
  });
  afterAll(() => sut.close());

  it('accepts roles as one space-separated string, and still as an array', async () => {
    const spaced = await get(
      sut,
      '/probe/auth/agent',
      await userToken({ sub: 'u', roles: 'agent supervisor' }),
    );
    expect(spaced.status).toBe(200);
    expect(await spaced.json()).toMatchObject({ roles: ['agent', 'supervisor'] });
    const listed = await get(
      sut,
      '/probe/auth/agent',
      await userToken({ sub: 'u', roles: ['agent'] }),
    );
    expect(listed.status).toBe(200);
    const customer = await userToken({ sub: 'u', roles: 'customer' });
    expect((await get(sut, '/probe/auth/agent', customer)).status).toBe(403);
  });

  it('still refuses a roles claim that is neither (401)', async () => {
    const res = await get(
      sut,
      '/probe/auth/user',
      await userToken({ sub: 'u', roles: { agent: true } }),
    );
    expect(res.status).toBe(401);
    expect(await readProblem(res)).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: expect.stringContaining('"roles" claim is an object'),
    });
  });
});

describe('identity: JWKS with key rotation', () => {
  let jwks: Server;
  let keys: JWK[] = [];
  let sut: TestApp;

  const keyPair = async (kid: string) => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    return {
      kid,
      privateKey: pair.privateKey,
      jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' },
    };
  };
  const sign = (key: Awaited<ReturnType<typeof keyPair>>) =>
    new SignJWT({ sub: 'u_jwks', roles: ['customer'] })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(TEST_ISSUER)
      .setExpirationTime('5m')
      .sign(key.privateKey);

  beforeAll(async () => {
    jwks = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    sut = await startTestApp({
      imports: [ProbeModule],
      env: {
        SWITCHBOARD_JWT_JWKS_URL: url,
        SWITCHBOARD_JWT_ISSUER: TEST_ISSUER,
        SWITCHBOARD_JWT_JWKS_COOLDOWN_SECONDS: '0',
      },
    });
  });
  afterAll(async () => {
    await sut.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  it('verifies RS256 tokens, refuses foreign keys, and picks up a rotated key without restart', async () => {
    const first = await keyPair('k1');
    keys = [first.jwk];
    expect((await get(sut, '/probe/auth/user', await sign(first))).status).toBe(200);
    const stranger = await keyPair('k1');
    expect((await get(sut, '/probe/auth/user', await sign(stranger))).status).toBe(401);
    const rotated = await keyPair('k2');
    keys = [first.jwk, rotated.jwk];
    expect((await get(sut, '/probe/auth/user', await sign(rotated))).status).toBe(200);
    const hs = await userToken({ sub: 'u' });
    expect((await get(sut, '/probe/auth/user', hs)).status).toBe(401);
  });
});
