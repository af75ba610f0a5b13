import { TextDecoder } from 'node:util';
import { BodyTooDeepError, BodyTooManyKeysError, UnsupportedCharsetError } from '../errors/common.errors.js';
import { deferBodyErrors } from './deferred-body-errors.js';
import { findJsonShapeProblem } from './json-shape.js';
/**
 * The body parsers, each bounded: by size, and a JSON body also by nesting depth and key count,
 * checked on the raw bytes before `JSON.parse` runs, so no deep structure is ever built for the
 * validation pipe to recurse into (class-transformer overflows the stack at a few thousand levels).
 */ export function useBodyParsers(app, http) {
    const shape = {
        maxDepth: http.bodyMaxDepth,
        maxKeys: http.bodyMaxKeys
    };
    const jsonOptions = {
        limit: http.bodyLimit,
        verify: (_req, _res, raw, encoding)=>checkJsonShape(raw, encoding, shape)
    };
    // Nest's option type leaves out `verify` because `rawBody: true` would replace it with its own
    // hook. This app never asks for raw bodies, so the hook is ours (the e2e tests see it work).
    app.useBodyParser('json', jsonOptions);
    // `extended: false` keeps form fields flat (`a[b]` is one key), so only their count needs a bound;
    // body-parser reports going over it as `parameters.too.many`, mapped to BODY_TOO_MANY_KEYS.
    app.useBodyParser('urlencoded', {
        limit: http.bodyLimit,
        extended: false,
        parameterLimit: http.bodyMaxKeys
    });
    // SDP offers arrive as text; 64 kB is far above any real offer.
    app.useBodyParser('text', {
        type: 'application/sdp',
        limit: '64kb'
    });
    // Their refusals wait for the route's guards (authorization before validation).
    app.use(deferBodyErrors);
}
/** Throws the refusal for a body over either bound; body-parser passes it on as the error. */ export function checkJsonShape(raw, encoding, limits) {
    const problem = findJsonShapeProblem(asUtf8(raw, encoding), limits);
    if (problem === 'too-deep') throw new BodyTooDeepError(limits.maxDepth);
    if (problem === 'too-many-keys') throw new BodyTooManyKeysError(limits.maxKeys);
}
/** body-parser lets any `utf-*` charset through; the scan needs UTF-8 bytes. */ function asUtf8(raw, encoding) {
    if (encoding === 'utf-8' || encoding === 'utf8') return raw;
    let decoder;
    try {
        decoder = new TextDecoder(encoding);
    } catch  {
        throw new UnsupportedCharsetError(encoding);
    }
    return Buffer.from(decoder.decode(raw), 'utf8');
}

//# sourceMappingURL=body-parsers.js.map