import { createHash, randomBytes } from 'node:crypto';
export const API_KEY_PREFIX = 'sk_sb_';
/** 32 random bytes, base64url, prefixed so leaked keys are recognisable (and scannable). */ export function generateApiKey() {
    return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}
export function hashApiKey(key) {
    return createHash('sha256').update(key).digest();
}
/** The first characters, safe to show in lists so people can tell keys apart. */ export function displayPrefix(key) {
    return key.slice(0, API_KEY_PREFIX.length + 6);
}

//# sourceMappingURL=api-key-secret.js.map