import { createHash, timingSafeEqual } from 'node:crypto';
import { ids } from './ids.js';
import { OpenAIError } from './protocol/openai-error.js';
const digest = (value)=>createHash('sha256').update(value).digest();
/** The simulator's API key and the ephemeral keys it has minted. */ export class KeyRing {
    constructor(apiKey, now = Date.now){
        this.apiKey = apiKey;
        this.now = now;
        this.ephemeral = new Map();
        this.standardDigest = digest(apiKey);
    }
    mint(session, ttlSeconds) {
        const key = {
            value: ids.ephemeralKey(),
            expiresAt: Math.floor(this.now() / 1000) + ttlSeconds,
            session
        };
        this.ephemeral.set(key.value, key);
        return key;
    }
    /** Resolves `Authorization: Bearer …` (or a raw key); 401 in OpenAI's shape otherwise. */ authenticate(authorization, rawKey) {
        const key = rawKey ?? /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
        if (!key) {
            throw new OpenAIError(401, 'invalid_request_error', null, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
        if (timingSafeEqual(digest(key), this.standardDigest)) return {
            kind: 'standard'
        };
        const ephemeral = this.ephemeral.get(key);
        if (ephemeral) {
            if (ephemeral.expiresAt * 1000 <= this.now()) {
                throw new OpenAIError(401, 'invalid_request_error', 'invalid_api_key', 'Ephemeral key has expired.');
            }
            return {
                kind: 'ephemeral',
                key: ephemeral
            };
        }
        const shown = key.length > 8 ? `${key.slice(0, 5)}${'*'.repeat(8)}${key.slice(-4)}` : '****';
        throw new OpenAIError(401, 'invalid_request_error', 'invalid_api_key', `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`);
    }
    /** Authenticates a request that only a standard key may make (everything but starting calls). */ authenticateStandard(authorization) {
        this.requireStandard(this.authenticate(authorization));
    }
    /** Standard-key-only endpoints refuse ephemeral keys. */ requireStandard(credential) {
        if (credential.kind !== 'standard') {
            throw new OpenAIError(403, 'invalid_request_error', 'ephemeral_key_not_allowed', 'This endpoint requires a standard API key; ephemeral keys (ek_…) may only start calls.');
        }
    }
}

//# sourceMappingURL=keys.js.map