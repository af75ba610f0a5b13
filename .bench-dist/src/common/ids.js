import { randomBytes } from 'node:crypto';
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/**
 * An opaque, prefixed, random id (`ses_…`, `key_…`, `act_…`): 22 base62 characters, ~131 bits,
 * never sequential, so ids can neither be guessed nor counted.
 */ export function newId(prefix) {
    const bytes = randomBytes(22);
    let id = '';
    for (const byte of bytes)id += ALPHABET[byte % 62];
    return `${prefix}_${id}`;
}

//# sourceMappingURL=ids.js.map