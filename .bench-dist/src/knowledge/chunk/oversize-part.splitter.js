import { PIECE_JOINER, WORD_JOINER } from './chunk-part.types.js';
import { longestFit } from './longest-fit.search.js';
/**
 * Cuts a part over `limit` content tokens into words, and a word over it (a URL, base64) into
 * runs of characters, each measured by the meter. Joined back with their joiners, the pieces
 * are the part's text (whitespace normalised).
 */ export function splitOversize(part, limit, meter) {
    if (part.tokens <= limit) return [
        part
    ];
    const words = part.text.split(/\s+/).filter(Boolean);
    if (words.length === 1) return splitCharacters(part, limit, meter);
    const pieces = [];
    for (const [i, text] of words.entries()){
        const joiner = i === 0 ? part.joiner : WORD_JOINER;
        const word = {
            text,
            tokens: meter.content(text),
            block: part.block,
            joiner
        };
        pieces.push(...word.tokens <= limit ? [
            word
        ] : splitCharacters(word, limit, meter));
    }
    return pieces;
}
/** Runs of characters of at most `limit` content tokens each; never splits a surrogate pair. */ export function splitCharacters(part, limit, meter) {
    const { text } = part;
    const pieces = [];
    // Only a first probe: the search counts from here, and later pieces start from the last one.
    let guess = limit * 2;
    for(let start = 0; start < text.length;){
        const counted = new Map();
        const fits = (n)=>{
            const tokens = meter.count(text.slice(start, safeEnd(text, start, start + n))) - meter.overhead;
            counted.set(n, tokens);
            return tokens <= limit;
        };
        const n = Math.max(1, longestFit(text.length - start, guess, fits));
        const end = safeEnd(text, start, start + n);
        const piece = text.slice(start, end);
        const tokens = counted.get(n) ?? meter.content(piece);
        pieces.push({
            ...part,
            text: piece,
            tokens,
            joiner: start === 0 ? part.joiner : PIECE_JOINER
        });
        guess = n;
        start = end;
    }
    return pieces;
}
/** Moves `end` off the middle of a surrogate pair (forward if that is the only way to progress). */ export function safeEnd(text, start, end) {
    if (end >= text.length) return text.length;
    const high = text.charCodeAt(end - 1);
    const low = text.charCodeAt(end);
    if (high < 0xd800 || high > 0xdbff || low < 0xdc00 || low > 0xdfff) return end;
    return end - 1 > start ? end - 1 : end + 1;
}

//# sourceMappingURL=oversize-part.splitter.js.map