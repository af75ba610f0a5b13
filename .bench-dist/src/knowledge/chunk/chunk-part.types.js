/**
 * The pieces the chunker packs: a sentence, list item, table row or code line (or, when one of
 * those is too long, a run of words or of characters). Internal to the chunker.
 */ export const BLOCK_JOINER = '\n\n';
export const LINE_JOINER = '\n';
export const WORD_JOINER = ' ';
export const PIECE_JOINER = '';
/** Joins parts as they appear in a chunk; the first part's joiner is dropped. */ export function joinParts(parts) {
    let text = '';
    for (const [i, part] of parts.entries())text += i === 0 ? part.text : part.joiner + part.text;
    return text;
}
export function sumTokens(parts) {
    let total = 0;
    for (const part of parts)total += part.tokens;
    return total;
}

//# sourceMappingURL=chunk-part.types.js.map