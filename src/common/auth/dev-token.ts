/**
 * Development tokens (`npm run cli -- token`, and the demo page's sign-in when
 * SWITCHBOARD_DEMO_SIGN_IN is on): an app-user token for trying the API, signed with the app's own
 * HS256 secret (SWITCHBOARD_JWT_SECRET) so that `JwtVerifier` accepts it: the configured user,
 * tenant and roles claim names, `iss`/`aud` when configured, `iat` and `exp` (at most a day away).
 * With a JWKS identity provider there is no secret here, and nothing to sign with.
 */
import { SignJWT } from 'jose';

import type { AppConfig } from '../../config/app-config.js';

/** A request the token command refuses; the CLI reports it as a usage error. */
export class DevTokenRefusal extends Error {}

export const DEFAULT_EXPIRES_IN = '1h';
export const MAX_LIFETIME_SECONDS = 24 * 3600;

/** What a role may be made of, so a role list cannot smuggle in separators or odd characters. */
const ROLE = /^[A-Za-z0-9_.:-]+$/;

/** jose's grammar for a time span (`setExpirationTime('15m')`): a number and a unit. */
const DURATION =
  /^(\+|-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i;
const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_557_600,
};

export interface DevTokenRequest {
  readonly user: string;
  readonly tenant?: string;
  readonly roles?: readonly string[];
  /** A time span as jose reads it (`15m`, `2h`, `1 day`); 1 hour when absent. */
  readonly expiresIn?: string;
}

/**
 * Signs the token. Refuses (DevTokenRefusal) without a secret, with an empty user or tenant, a role
 * outside `[A-Za-z0-9_.:-]`, or a lifetime that is not a time span of more than 0 s and at most 24 h.
 */
export async function signDevToken(
  jwt: AppConfig['jwt'],
  request: DevTokenRequest,
  now: Date = new Date(),
): Promise<string> {
  const secret = requireSecret(jwt);
  const user = request.user.trim();
  if (!user) throw new DevTokenRefusal('--user needs the user id the token is for');
  const tenant = request.tenant?.trim();
  if (tenant === '')
    throw new DevTokenRefusal('--tenant must not be empty; leave it out for a user without one');
  const roles = [...new Set(request.roles ?? [])];
  const bad = roles.find((role) => !ROLE.test(role));
  if (bad !== undefined)
    throw new DevTokenRefusal(`role "${bad}" may only use letters, digits and _ . : -`);
  const lifetime = lifetimeSeconds(request.expiresIn ?? DEFAULT_EXPIRES_IN);
  checkClaimNames(jwt);

  const { claims, issuer, audience } = jwt;
  const iat = Math.floor(now.getTime() / 1000);
  const token = new SignJWT({
    [claims.user]: user,
    ...(tenant === undefined ? {} : { [claims.tenant]: tenant }),
    [claims.roles]: roles,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime);
  if (issuer !== undefined) token.setIssuer(issuer);
  if (audience !== undefined) token.setAudience(audience);
  return token.sign(new TextEncoder().encode(secret));
}

/** `--roles customer,agent` (the option may repeat): trimmed, without empty entries. */
export function splitRoles(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',').map((role) => role.trim())).filter(Boolean);
}

/** Seconds from now until `expiresIn` (jose's time-span grammar), within (0, 24 h]. */
export function lifetimeSeconds(expiresIn: string): number {
  const matched = DURATION.exec(expiresIn);
  if (!matched || (matched[1] && matched[4]))
    throw new DevTokenRefusal(
      `--expires-in "${expiresIn}" is not a time span such as 15m, 2h or 1d`,
    );
  const seconds = Math.round(parseFloat(matched[2]) * UNIT_SECONDS[matched[3][0].toLowerCase()]);
  if (matched[1] === '-' || matched[4]?.toLowerCase() === 'ago' || seconds <= 0)
    throw new DevTokenRefusal(`--expires-in "${expiresIn}" must lie in the future`);
  if (seconds > MAX_LIFETIME_SECONDS)
    throw new DevTokenRefusal(`--expires-in "${expiresIn}" is more than 24 hours`);
  return seconds;
}

function requireSecret(jwt: AppConfig['jwt']): string {
  if (jwt.secret) return jwt.secret;
  if (jwt.jwksUrl)
    throw new DevTokenRefusal(
      'SWITCHBOARD_JWT_JWKS_URL is configured: tokens of a JWKS identity provider are issued by it, not by Switchboard',
    );
  throw new DevTokenRefusal(
    'no SWITCHBOARD_JWT_SECRET is configured, so the app accepts no user token; set one (at least 32 characters) for the app and this command',
  );
}

/** A configured claim name that is also one the token sets itself would be overwritten. */
function checkClaimNames({ claims, issuer, audience }: AppConfig['jwt']): void {
  const taken = new Map<string, string>([
    ['iat', 'the issue time'],
    ['exp', 'the expiry'],
  ]);
  if (issuer !== undefined) taken.set('iss', 'SWITCHBOARD_JWT_ISSUER');
  if (audience !== undefined) taken.set('aud', 'SWITCHBOARD_JWT_AUDIENCE');
  for (const [kind, name] of Object.entries(claims)) {
    const variable = `SWITCHBOARD_JWT_${kind.toUpperCase()}_CLAIM`;
    const clash = taken.get(name);
    if (clash) throw new DevTokenRefusal(`${variable}=${name} is the claim of ${clash} as well`);
    taken.set(name, variable);
  }
}
