import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

import { UnauthenticatedError } from '../../common/auth/auth.errors.js';
import type { Principal } from '../../common/auth/principal.js';
import { AppConfig } from '../../config/app-config.js';
import type { JwtRolesFormat } from '../../config/env.schema.js';

const ASYMMETRIC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Verifies app users' bearer JWTs with `jose`: HS256 with the shared secret, or asymmetric keys
 * from a JWKS URL (cached; an unknown `kid` refetches, so key rotation needs no restart). `exp` is
 * required; issuer and audience are checked when configured; clock skew is bounded. `alg: none`
 * and algorithms other than the configured ones are refused.
 */
@Injectable()
export class JwtVerifier {
  private readonly key?: Uint8Array | ReturnType<typeof createRemoteJWKSet>;
  private readonly algorithms: string[];

  constructor(private readonly config: AppConfig) {
    const { secret, jwksUrl } = config.jwt;
    this.algorithms = secret ? ['HS256'] : ASYMMETRIC_ALGORITHMS;
    if (secret) this.key = new TextEncoder().encode(secret);
    else if (jwksUrl) {
      this.key = createRemoteJWKSet(new URL(jwksUrl), {
        cacheMaxAge: 10 * 60_000,
        cooldownDuration: config.jwt.jwksCooldownSeconds * 1000,
      });
    }
  }

  get configured(): boolean {
    return this.key !== undefined;
  }

  async verify(token: string): Promise<Principal> {
    if (!this.key) {
      throw new UnauthenticatedError(
        'User tokens cannot be verified: set SWITCHBOARD_JWT_SECRET or SWITCHBOARD_JWT_JWKS_URL.',
      );
    }
    const { issuer, audience, clockSkewSeconds } = this.config.jwt;
    const options = {
      algorithms: this.algorithms,
      issuer,
      audience,
      clockTolerance: clockSkewSeconds,
      requiredClaims: ['exp'],
    };
    let payload: JWTPayload;
    try {
      // With a JWKS, jose refetches once when no cached key matches the token's `kid` (rotation),
      // at most once per cooldown.
      ({ payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options));
    } catch (error) {
      throw new UnauthenticatedError(`The bearer token was refused: ${reason(error)}.`);
    }
    return this.toPrincipal(payload);
  }

  private toPrincipal(payload: JWTPayload): Principal {
    const { claims, rolesFormat } = this.config.jwt;
    const { user, tenant, roles } = claims;
    const userId = payload[user];
    if (typeof userId !== 'string' || userId === '') {
      throw new UnauthenticatedError(`The bearer token has no "${user}" claim naming the user.`);
    }
    const tenantId = payload[tenant];
    if (tenantId !== undefined && tenantId !== null && typeof tenantId !== 'string') {
      // Read as "no tenant", a malformed claim would open tenant-less data: refuse it instead.
      throw new UnauthenticatedError(
        `The bearer token's "${tenant}" claim must be a string naming the tenant.`,
      );
    }
    return {
      kind: 'user',
      id: userId,
      tenantId: typeof tenantId === 'string' && tenantId !== '' ? tenantId : null,
      roles: rolesFrom(payload[roles], roles, rolesFormat),
    };
  }
}

/**
 * Roles as an array of strings; also as one space-separated string (OAuth `scope` style) when
 * SWITCHBOARD_JWT_ROLES_FORMAT allows it. A claim of any other shape is refused rather than read as
 * "no roles": most identity providers send arrays, so anything else is more likely a mistake.
 */
function rolesFrom(value: unknown, claim: string, format: JwtRolesFormat): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((r): r is string => typeof r === 'string');
  if (typeof value === 'string' && format === 'array-or-space-separated')
    return value.split(' ').filter(Boolean);
  const allowed =
    format === 'array'
      ? 'must be an array of strings (a space-separated string needs SWITCHBOARD_JWT_ROLES_FORMAT=array-or-space-separated)'
      : 'must be an array of strings or one space-separated string';
  const kind = typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  throw new UnauthenticatedError(`The bearer token's "${claim}" claim is ${kind}; it ${allowed}.`);
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its signing algorithm is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'the signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key in the JWKS matches it';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) {
    return error instanceof errors.JWKSTimeout
      ? 'the JWKS could not be fetched'
      : 'it is malformed';
  }
  return 'it could not be verified';
}
