// C0 controls other than tab, LF, FF and CR; DEL; C1 controls. Text almost never holds them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
/** Above this share of control characters, decodable bytes are binary data, not text. */ export const MAX_CONTROL_SHARE = 0.01;
/** The share of `text` that is control characters (0 for empty text). */ export function controlShare(text) {
    if (!text) return 0;
    return (text.match(CONTROL)?.length ?? 0) / text.length;
}
/** `text` without control characters; Postgres, for one, refuses U+0000 in text. */ export function withoutControls(text) {
    return text.replace(CONTROL, '');
}
/**
 * `bytes` decoded with `encoding`, or `undefined` if they are not valid in it. `stream` lets a
 * head cut off mid-character pass.
 */ export function tryDecode(bytes, encoding, stream = false) {
    try {
        return new TextDecoder(encoding, {
            fatal: true
        }).decode(bytes, {
            stream
        });
    } catch  {
        return undefined;
    }
}

//# sourceMappingURL=text-heuristics.js.map