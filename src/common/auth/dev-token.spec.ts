import { decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';

import type { AppConfig } from '../../config/app-config.js';
import { loadConfig } from '../../config/load-config.js';
import {
  DevTokenRefusal,
  lifetimeSeconds,
  MAX_LIFETIME_SECONDS,
  signDevToken,
  splitRoles,
} from './dev-token.js';

const SECRET = 'unit-test-secret-that-is-at-least-32-characters';
const NOW = new Date('2030-01-02T03:04:05.678Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);

const jwtConfig = (env: Record<string, string> = {}): AppConfig['jwt'] =>
  loadConfig({ SWITCHBOARD_JWT_SECRET: SECRET, ...env }).jwt;

/** What `JwtVerifier` checks (HS256, `exp` required, issuer and audience when configured). */
async function verified(token: string, jwt: AppConfig['jwt']) {
  const { payload } = await jwtVerify(token, new TextEncoder().encode(jwt.secret), {
    algorithms: ['HS256'],
    issuer: jwt.issuer,
    audience: jwt.audience,
    requiredClaims: ['exp'],
  });
  return payload;
}

describe(signDevToken.name, () => {
  it('signs the user, tenant and roles with the secret, for an hour by default', async () => {
    const jwt = jwtConfig();
    const token = await signDevToken(jwt, { user: 'alice', tenant: 'acme', roles: ['customer'] });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const payload = await verified(token, jwt);
    expect(payload).toEqual({
      sub: 'alice',
      tenant: 'acme',
      roles: ['customer'],
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(5);
  });

  it('uses the configured claim names, issuer and audience; roles stay an array', async () => {
    const jwt = jwtConfig({
      SWITCHBOARD_JWT_USER_CLAIM: 'uid',
      SWITCHBOARD_JWT_TENANT_CLAIM: 'https://example.test/org',
      SWITCHBOARD_JWT_ROLES_CLAIM: 'app:roles',
      SWITCHBOARD_JWT_ROLES_FORMAT: 'array-or-space-separated',
      SWITCHBOARD_JWT_ISSUER: 'https://issuer.test',
      SWITCHBOARD_JWT_AUDIENCE: 'switchboard',
    });
    const token = await signDevToken(
      jwt,
      { user: 'u_1', tenant: 'globex', roles: ['agent', 'ns:role.x-y_z'], expiresIn: '15m' },
      NOW,
    );
    expect(decodeJwt(token)).toEqual({
      uid: 'u_1',
      'https://example.test/org': 'globex',
      'app:roles': ['agent', 'ns:role.x-y_z'],
      iss: 'https://issuer.test',
      aud: 'switchboard',
      iat: NOW_S,
      exp: NOW_S + 900,
    });
  });

  it('leaves out the tenant when none is given, and sends an empty role list', async () => {
    const jwt = jwtConfig();
    const payload = await verified(await signDevToken(jwt, { user: 'bob' }), jwt);
    expect(payload).not.toHaveProperty('tenant');
    expect(payload.roles).toEqual([]);
  });

  it('does not sign with another secret than the configured one', async () => {
    const token = await signDevToken(jwtConfig(), { user: 'alice' });
    await expect(
      jwtVerify(token, new TextEncoder().encode('another-secret-of-at-least-32-characters!!')),
    ).rejects.toThrow();
  });

  it('refuses without a secret, saying who issues the tokens of a JWKS provider', async () => {
    const jwks = loadConfig({ SWITCHBOARD_JWT_JWKS_URL: 'https://idp.test/jwks.json' }).jwt;
    await expect(signDevToken(jwks, { user: 'alice' })).rejects.toThrow(
      new DevTokenRefusal(
        'SWITCHBOARD_JWT_JWKS_URL is configured: tokens of a JWKS identity provider are issued by it, not by Switchboard',
      ),
    );
    await expect(signDevToken(loadConfig({}).jwt, { user: 'alice' })).rejects.toThrow(
      /^no SWITCHBOARD_JWT_SECRET is configured/,
    );
  });

  it.each([
    ['an empty user', { user: '  ' }, '--user needs the user id'],
    ['an empty tenant', { user: 'a', tenant: '' }, '--tenant must not be empty'],
    ['a role with a space', { user: 'a', roles: ['cust omer'] }, 'role "cust omer" may only use'],
    ['a role with a semicolon', { user: 'a', roles: ['a;b'] }, 'role "a;b" may only use'],
    ['a role with a non-ASCII letter', { user: 'a', roles: ['rôle'] }, 'role "rôle"'],
    ['a lifetime over 24 h', { user: 'a', expiresIn: '25h' }, 'is more than 24 hours'],
  ])('refuses %s', async (_, request, message) => {
    const refused = signDevToken(jwtConfig(), request);
    await expect(refused).rejects.toThrow(DevTokenRefusal);
    await expect(refused).rejects.toThrow(message);
  });

  it('refuses a claim name that the token sets for something else', async () => {
    await expect(
      signDevToken(jwtConfig({ SWITCHBOARD_JWT_TENANT_CLAIM: 'sub' }), { user: 'a' }),
    ).rejects.toThrow(
      'SWITCHBOARD_JWT_TENANT_CLAIM=sub is the claim of SWITCHBOARD_JWT_USER_CLAIM as well',
    );
    await expect(
      signDevToken(jwtConfig({ SWITCHBOARD_JWT_ROLES_CLAIM: 'exp' }), { user: 'a' }),
    ).rejects.toThrow('SWITCHBOARD_JWT_ROLES_CLAIM=exp is the claim of the expiry as well');
  });
});

describe(lifetimeSeconds.name, () => {
  it.each([
    ['15m', 900],
    ['2h', 7200],
    ['1.5h', 5400],
    ['90 seconds', 90],
    ['+30 mins', 1800],
    ['1 day', 86_400],
    ['24h', MAX_LIFETIME_SECONDS],
    ['2 hours from now', 7200],
  ])('reads %s as %i s', (input, seconds) => expect(lifetimeSeconds(input)).toBe(seconds));

  it.each([
    ['soon', 'is not a time span'],
    ['15', 'is not a time span'],
    ['', 'is not a time span'],
    ['-1h from now', 'is not a time span'],
    ['-1h', 'must lie in the future'],
    ['1h ago', 'must lie in the future'],
    ['0s', 'must lie in the future'],
    ['24.01h', 'is more than 24 hours'],
    ['2d', 'is more than 24 hours'],
    ['1w', 'is more than 24 hours'],
  ])('refuses %j', (input, message) => {
    expect(() => lifetimeSeconds(input)).toThrow(DevTokenRefusal);
    expect(() => lifetimeSeconds(input)).toThrow(message);
  });

  it('reads time spans as jose does, and refuses what jose cannot read', async () => {
    const key = new TextEncoder().encode(SECRET);
    const inputs = ['15m', '2 hrs', '1.25h', '45 sec', '3 minutes', '+1d', 'soon', '10', '1 h ago'];
    for (const input of inputs) {
      let jose: number | 'unreadable';
      try {
        const token = await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(input)
          .sign(key);
        jose = decodeJwt(token).exp! - Math.floor(Date.now() / 1000);
      } catch {
        jose = 'unreadable';
      }
      if (jose === 'unreadable') expect(() => lifetimeSeconds(input)).toThrow('not a time span');
      else if (jose <= 0) expect(() => lifetimeSeconds(input)).toThrow('must lie in the future');
      else expect(Math.abs(lifetimeSeconds(input) - jose)).toBeLessThanOrEqual(1);
    }
  });
});

describe(splitRoles.name, () => {
  it('splits comma lists, trims, and drops empty entries', () => {
    expect(splitRoles(['customer, agent', 'supervisor,'])).toEqual([
      'customer',
      'agent',
      'supervisor',
    ]);
    expect(splitRoles([''])).toEqual([]);
  });
});
