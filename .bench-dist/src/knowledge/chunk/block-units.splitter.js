import { LINE_JOINER, WORD_JOINER } from './chunk-part.types.js';
// A sentence ends at . ! ? … (and closing quotes or brackets) before whitespace and a character
// that is not a lowercase letter, so "e.g. the" stays whole; CJK full stops need no space.
const SENTENCE_END = /[.!?…]+["'”’)\]]*\s+(?!\p{Ll})|[。！？]+\s*/gu;
const LIST_MARKER = /^(?:[-*+•◦▪‣]|\d{1,9}[.)])\s/;
const TABLE_RULE = /^[\s|:+-]*-[\s|:+-]*$/;
export function splitBlockUnits(kind, text) {
    switch(kind){
        case 'list':
            return {
                units: listItems(lines(text)),
                joiner: LINE_JOINER,
                hasHeader: false
            };
        case 'table':
            return tableRows(lines(text));
        case 'code':
            return {
                units: codeLines(text),
                joiner: LINE_JOINER,
                hasHeader: false
            };
        default:
            return {
                units: splitSentences(collapse(text)),
                joiner: WORD_JOINER,
                hasHeader: false
            };
    }
}
export function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Sentences of whitespace-collapsed text; every non-space character lands in one of them. */ export function splitSentences(text) {
    const sentences = [];
    let start = 0;
    for (const match of text.matchAll(SENTENCE_END)){
        const end = match.index + match[0].length;
        pushTrimmed(sentences, text.slice(start, end));
        start = end;
    }
    pushTrimmed(sentences, text.slice(start));
    return sentences;
}
function pushTrimmed(into, text) {
    const trimmed = text.trim();
    if (trimmed) into.push(trimmed);
}
function lines(text) {
    return text.split(/\r\n|\r|\n/).map(collapse).filter(Boolean);
}
// An unmarked line is a wrapped continuation of the item above, not an item of its own.
function listItems(rows) {
    const items = [];
    for (const row of rows){
        if (items.length > 0 && !LIST_MARKER.test(row)) items[items.length - 1] += ' ' + row;
        else items.push(row);
    }
    return items;
}
function tableRows(rows) {
    const units = [
        ...rows
    ];
    if (units.length > 2 && TABLE_RULE.test(units[1])) units.splice(0, 2, `${units[0]}\n${units[1]}`);
    return {
        units,
        joiner: LINE_JOINER,
        hasHeader: units.length > 1
    };
}
// Indentation carries meaning in code, so only trailing spaces and blank lines go.
function codeLines(text) {
    return text.split(/\r\n|\r|\n/).map((line)=>line.replace(/\s+$/, '')).filter((line)=>line.length > 0);
}

//# sourceMappingURL=block-units.splitter.js.map