import { collapseWhitespace, pushBlock } from './block-text.js';
// A bullet or a number (1. 1) (1)) and a space; letters are left out so "A. Smith" stays prose.
const LIST_ITEM = /^\s*(?:[-*+•◦▪‣–]|\(?\d{1,3}[.)])\s+\S/;
const CONTINUATION_INDENT = 2;
/** Plain text: paragraphs split on blank lines; runs of list-like lines become a list. */ export function extractPlainText(text) {
    return {
        format: 'text',
        blocks: plainTextBlocks(text)
    };
}
/** The blocks of plain text with `\n` newlines; `page` is stamped on each (PDFs). */ export function plainTextBlocks(text, page) {
    const blocks = [];
    for (const chunk of text.replace(/\f/g, '\n\n').split(/\n[ \t]*\n/)){
        const lines = chunk.split('\n').filter((line)=>line.trim());
        for (const run of runsOf(lines)){
            if (run.list) pushBlock(blocks, 'list', listText(run.lines), {
                page
            });
            else pushBlock(blocks, 'paragraph', joinLines(run.lines), {
                page
            });
        }
    }
    return blocks;
}
/** Consecutive list items (with their indented continuation lines) and the prose between them. */ function runsOf(lines) {
    const runs = [];
    let current;
    for (const line of lines){
        const item = LIST_ITEM.test(line);
        const continues = current?.list && !item && indentOf(line) >= CONTINUATION_INDENT;
        const list = item || Boolean(continues);
        if (!current || current.list !== list) runs.push(current = {
            list,
            lines: []
        });
        current.lines.push(line);
    }
    return mergeProse(runs);
}
// One list-like line alone is prose ("1. Introduction" as a heading), not a list.
function mergeProse(runs) {
    const merged = [];
    for (const run of runs){
        const list = run.list && run.lines.filter((line)=>LIST_ITEM.test(line)).length >= 2;
        const last = merged[merged.length - 1];
        if (!list && last && !last.list) last.lines.push(...run.lines);
        else merged.push({
            list,
            lines: [
                ...run.lines
            ]
        });
    }
    return merged;
}
function indentOf(line) {
    return line.length - line.trimStart().length;
}
/** One item per line with its marker, continuation lines folded in, nesting kept as indentation. */ function listText(lines) {
    const base = Math.min(...lines.filter((l)=>LIST_ITEM.test(l)).map(indentOf));
    const items = [];
    for (const line of lines){
        if (LIST_ITEM.test(line) || items.length === 0) {
            const indent = ' '.repeat(Math.max(0, Math.min(indentOf(line) - base, 8)));
            items.push(indent + collapseWhitespace(line));
        } else {
            items[items.length - 1] += ` ${collapseWhitespace(line)}`;
        }
    }
    return items.join('\n');
}
/** Wrapped lines rejoined; a word hyphenated across a line break keeps its hyphen but no space. */ function joinLines(lines) {
    let text = '';
    for (const raw of lines){
        const line = collapseWhitespace(raw);
        if (!text) text = line;
        else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text += line;
        else text += ` ${line}`;
    }
    return text;
}

//# sourceMappingURL=plain-text.extractor.js.map