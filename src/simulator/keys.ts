import { createHash, timingSafeEqual } from 'node:crypto';

import { ids } from './ids.js';
import { OpenAIError } from './protocol/openai-error.js';

export interface EphemeralKey {
  readonly value: string;
  /** Unix seconds; the key can start calls until then, never after. */
  readonly expiresAt: number;
  /** The validated session request attached when the key was minted. */
  readonly session: Record<string, unknown>;
}

export type Credential = { kind: 'standard' } | { kind: 'ephemeral'; key: EphemeralKey };

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The simulator's API key and the ephemeral keys it has minted. */
export class KeyRing {
  private readonly standardDigest: Buffer;
  private readonly ephemeral = new Map<string, EphemeralKey>();

  constructor(
    readonly apiKey: string,
    private readonly now: () => number = Date.now,
  ) {
    this.standardDigest = digest(apiKey);
  }

  mint(session: Record<string, unknown>, ttlSeconds: number): EphemeralKey {
    const key = {
      value: ids.ephemeralKey(),
      expiresAt: Math.floor(this.now() / 1000) + ttlSeconds,
      session,
    };
    this.ephemeral.set(key.value, key);
    return key;
  }

  /** Resolves `Authorization: Bearer …` (or a raw key); 401 in OpenAI's shape otherwise. */
  authenticate(authorization: string | undefined, rawKey?: string): Credential {
    const key = rawKey ?? /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
    if (!key) {
      throw new OpenAIError(
        401,
        'invalid_request_error',
        null,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      );
    }
    if (timingSafeEqual(digest(key), this.standardDigest)) return { kind: 'standard' };
    const ephemeral = this.ephemeral.get(key);
    if (ephemeral) {
      if (ephemeral.expiresAt * 1000 <= this.now()) {
        throw new OpenAIError(
          401,
          'invalid_request_error',
          'invalid_api_key',
          'Ephemeral key has expired.',
        );
      }
      return { kind: 'ephemeral', key: ephemeral };
    }
    const shown = key.length > 8 ? `${key.slice(0, 5)}${'*'.repeat(8)}${key.slice(-4)}` : '****';
    throw new OpenAIError(
      401,
      'invalid_request_error',
      'invalid_api_key',
      `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    );
  }

  /** Authenticates a request that only a standard key may make (everything but starting calls). */
  authenticateStandard(authorization: string | undefined): void {
    this.requireStandard(this.authenticate(authorization));
  }

  /**
   * The Live API has no client keys: the browser never authenticates to it, so an ek_ key (valid
   * for Realtime) is refused on every Live route, as an unusable key.
   */
  requireLiveKey(authorization: string | undefined): void {
    if (this.authenticate(authorization).kind === 'standard') return;
    throw new OpenAIError(
      401,
      'invalid_request_error',
      'invalid_api_key',
      'Ephemeral keys (ek_…) cannot be used with the Live API, which has no client keys. Create the session on your server with a standard API key.',
    );
  }

  /** Standard-key-only endpoints refuse ephemeral keys. */
  requireStandard(credential: Credential): void {
    if (credential.kind !== 'standard') {
      throw new OpenAIError(
        403,
        'invalid_request_error',
        'ephemeral_key_not_allowed',
        'This endpoint requires a standard API key; ephemeral keys (ek_…) may only start calls.',
      );
    }
  }
}
