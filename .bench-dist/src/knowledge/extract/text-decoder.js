import { InvalidUtf16Error, InvalidUtf8Error, UnsupportedContentError } from './extraction.errors.js';
import { MAX_CONTROL_SHARE, controlShare, tryDecode, withoutControls } from './text-heuristics.js';
// Invalid UTF-8 is text in a legacy encoding unless its first 8 KiB hold C0 control bytes
// (besides tab, newlines and form feed) above this share: those are binary data.
const MAX_LEGACY_CONTROL_SHARE = 0.01;
const HEAD_BYTES = 8192;
const WHITESPACE = new Set([
    0x09,
    0x0a,
    0x0c,
    0x0d
]);
/**
 * Strictly decodes text the sniffer let through: invalid bytes are refused, never replaced. The
 * BOM is dropped, newlines become `\n` and control characters are removed.
 */ export function decodeText(bytes, encoding, name) {
    const text = tryDecode(bytes, encoding);
    if (text === undefined) {
        if (encoding !== 'utf-8') throw new InvalidUtf16Error(name);
        throw utf8Failure(bytes, name);
    }
    if (controlShare(text) > MAX_CONTROL_SHARE) throw new UnsupportedContentError('binary data', name);
    return withoutControls(text.replace(/\r\n?/g, '\n'));
}
function utf8Failure(bytes, name) {
    const head = bytes.subarray(0, HEAD_BYTES);
    let controls = 0;
    for (const byte of head)if (byte < 0x20 && !WHITESPACE.has(byte) || byte === 0x7f) controls++;
    if (controls / head.length > MAX_LEGACY_CONTROL_SHARE) {
        return new UnsupportedContentError('binary data', name);
    }
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for(let i = 0; i < offset; i++)if (bytes[i] === 0x0a) line++;
    return new InvalidUtf8Error(offset, line, name);
}
/** Byte offset of the first sequence that is not well-formed UTF-8 (RFC 3629), or -1. */ export function firstInvalidUtf8(bytes) {
    let i = 0;
    while(i < bytes.length){
        const lead = bytes[i];
        if (lead < 0x80) {
            i++;
            continue;
        }
        const trail = trailLength(lead);
        if (trail === 0 || i + trail >= bytes.length) return i;
        // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4).
        const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
        const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
        if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
        for(let k = 2; k <= trail; k++)if ((bytes[i + k] & 0xc0) !== 0x80) return i;
        i += trail + 1;
    }
    return -1;
}
function trailLength(lead) {
    if (lead >= 0xc2 && lead <= 0xdf) return 1;
    if (lead >= 0xe0 && lead <= 0xef) return 2;
    if (lead >= 0xf0 && lead <= 0xf4) return 3;
    return 0;
}

//# sourceMappingURL=text-decoder.js.map