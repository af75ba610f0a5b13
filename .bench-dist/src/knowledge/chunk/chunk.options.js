/** How big chunks are, in the embedding model's tokens (special tokens included). */ /**
 * 200 of MiniLM's 256 leaves room for a heading path and for a list or table slightly over the
 * target, and a passage of a few paragraphs still reads as one topic.
 */ export const DEFAULT_TARGET_TOKENS = 200;
/** A fifth of the target: one or two sentences of context carried into the next chunk. */ export const DEFAULT_OVERLAP_TOKENS = 40;
/** Below this many passage tokens a window cannot hold a heading path and a useful passage. */ export const MIN_PASSAGE_TOKENS = 8;
/**
 * Fills in and checks the options for a counter. Omitted values are the defaults scaled down
 * to a small window; values given explicitly must fit it, or a `RangeError` is thrown.
 */ export function resolveChunkOptions(window, overhead, options = {}) {
    if (!Number.isInteger(window) || window - overhead < MIN_PASSAGE_TOKENS) {
        throw new RangeError(`token window ${window} must leave at least ${MIN_PASSAGE_TOKENS} tokens after ${overhead} special tokens`);
    }
    const targetTokens = options.targetTokens ?? Math.min(DEFAULT_TARGET_TOKENS, window);
    if (!Number.isInteger(targetTokens) || targetTokens < overhead + MIN_PASSAGE_TOKENS) {
        throw new RangeError(`targetTokens ${targetTokens} must be an integer of at least ${overhead + MIN_PASSAGE_TOKENS}`);
    }
    if (targetTokens > window) {
        throw new RangeError(`targetTokens ${targetTokens} exceeds the token window ${window}`);
    }
    const maxOverlap = Math.floor((targetTokens - overhead) / 2);
    const overlapTokens = options.overlapTokens ?? Math.min(DEFAULT_OVERLAP_TOKENS, Math.floor(maxOverlap / 2));
    if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens > maxOverlap) {
        throw new RangeError(`overlapTokens ${overlapTokens} must be an integer from 0 to ${maxOverlap} (half the target)`);
    }
    return {
        targetTokens,
        overlapTokens
    };
}

//# sourceMappingURL=chunk.options.js.map