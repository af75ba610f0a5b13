import { SignJWT, type JWTPayload } from 'jose';

import { UnauthenticatedError } from '../../common/auth/auth.errors.js';
import type { AppConfig } from '../../config/app-config.js';
import { loadConfig } from '../../config/load-config.js';
import { JwtVerifier } from './jwt-verifier.js';

const SECRET = 'unit-test-secret-that-is-at-least-32-characters';

function verifierWith(rolesFormat?: string): JwtVerifier {
  const config: AppConfig = loadConfig({
    SWITCHBOARD_JWT_SECRET: SECRET,
    ...(rolesFormat ? { SWITCHBOARD_JWT_ROLES_FORMAT: rolesFormat } : {}),
  });
  return new JwtVerifier(config);
}

const token = (claims: JWTPayload) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));

describe(JwtVerifier.name, () => {
  describe('with the default roles format (array)', () => {
    const sut = verifierWith();

    it('reads an array of roles, ignoring entries that are not strings', async () => {
      const principal = await sut.verify(await token({ sub: 'u', roles: ['agent', 7, 'x'] }));
      expect(principal.roles).toEqual(['agent', 'x']);
    });

    it('treats a missing or null roles claim as no roles', async () => {
      expect((await sut.verify(await token({ sub: 'u' }))).roles).toEqual([]);
      expect((await sut.verify(await token({ sub: 'u', roles: null }))).roles).toEqual([]);
    });

    it('refuses a space-separated string, naming the claim and the setting', async () => {
      const refused = sut.verify(await token({ sub: 'u', roles: 'agent supervisor' }));
      await expect(refused).rejects.toThrow(UnauthenticatedError);
      await expect(sut.verify(await token({ sub: 'u', roles: 'agent' }))).rejects.toThrow(
        `The bearer token's "roles" claim is a string; it must be an array of strings (a space-separated string needs SWITCHBOARD_JWT_ROLES_FORMAT=array-or-space-separated).`,
      );
    });

    it('refuses a roles claim of any other shape rather than reading it as no roles', async () => {
      await expect(sut.verify(await token({ sub: 'u', roles: { admin: true } }))).rejects.toThrow(
        /"roles" claim is an object/,
      );
      await expect(sut.verify(await token({ sub: 'u', roles: 1 }))).rejects.toThrow(
        /"roles" claim is a number/,
      );
    });
  });

  describe('with SWITCHBOARD_JWT_ROLES_FORMAT=array-or-space-separated', () => {
    const sut = verifierWith('array-or-space-separated');

    it('also reads one space-separated string, as OAuth scopes are sent', async () => {
      const principal = await sut.verify(await token({ sub: 'u', roles: ' agent  supervisor ' }));
      expect(principal.roles).toEqual(['agent', 'supervisor']);
      expect((await sut.verify(await token({ sub: 'u', roles: ['a'] }))).roles).toEqual(['a']);
    });

    it('still refuses other shapes', async () => {
      await expect(sut.verify(await token({ sub: 'u', roles: true }))).rejects.toThrow(
        `The bearer token's "roles" claim is a boolean; it must be an array of strings or one space-separated string.`,
      );
    });
  });

  it('names the configured roles claim in the refusal', async () => {
    const config = loadConfig({
      SWITCHBOARD_JWT_SECRET: SECRET,
      SWITCHBOARD_JWT_ROLES_CLAIM: 'grp',
    });
    const sut = new JwtVerifier(config);
    await expect(sut.verify(await token({ sub: 'u', grp: 'a b' }))).rejects.toThrow(
      /"grp" claim is a string/,
    );
  });
});
