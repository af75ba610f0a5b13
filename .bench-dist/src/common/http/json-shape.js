/** Bounds on the structure of a JSON text, checked before anything parses it. */ const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/**
 * One linear pass over UTF-8 JSON bytes, counting nesting and keys outside strings: it keeps two
 * counters and no stack, so no input can overflow it, and it stops at the first bound crossed.
 * In UTF-8 every byte of a multi-byte character is ≥ 0x80, so the ASCII punctuation it looks for is
 * never part of one. Outside strings, a colon only ever separates a key from its value, so colons
 * count keys. Malformed JSON is left to the parser; at worst it is refused here a little earlier.
 */ export function findJsonShapeProblem(utf8, limits) {
    let depth = 0;
    let keys = 0;
    let inString = false;
    for(let i = 0; i < utf8.length; i++){
        const byte = utf8[i];
        if (inString) {
            if (byte === BACKSLASH) i++; // the escaped character, whatever it is, cannot end the string
            else if (byte === QUOTE) inString = false;
            continue;
        }
        if (byte === QUOTE) inString = true;
        else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
            if (++depth > limits.maxDepth) return 'too-deep';
        } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
        else if (byte === COLON && ++keys > limits.maxKeys) return 'too-many-keys';
    }
    return undefined;
}

//# sourceMappingURL=json-shape.js.map