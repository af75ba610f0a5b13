const PIECES = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;
/**
 * A test stand-in for a WordPiece tokenizer: one token per punctuation mark and per four
 * letters or digits of a word, so a long word costs many tokens and can only be cut by
 * characters. With `chargeNewlines` it is deliberately not additive.
 */ export function fakeTokenCounter(window, options = {}) {
    const specials = options.specials ?? 2;
    return {
        window,
        count (text) {
            let tokens = specials;
            for (const [piece] of text.matchAll(PIECES))tokens += Math.ceil(piece.length / 4);
            if (options.chargeNewlines) {
                for (const c of text)if (c === '\n') tokens += 1;
            }
            return tokens;
        }
    };
}

//# sourceMappingURL=fake-token.counter.js.map