import { collapseWhitespace, pushBlock } from './block-text.js';
import { splitFrontMatter } from './front-matter.js';
import { inlinePlain } from './markdown-inline.js';
import { lexMarkdown } from './markdown.lexer.js';
import { htmlSnippetText } from './markup-text.js';
import { plainTextBlocks } from './plain-text.extractor.js';
/**
 * Markdown via marked's lexer: headings keep their depth, lists one item per line with its
 * marker, tables one row per line with cells joined by ` | `, code as written. Front matter is
 * dropped; the title is the first `#` heading, else the front matter's `title`.
 */ export function extractMarkdown(markdown) {
    const { body, title: declaredTitle } = splitFrontMatter(markdown);
    const tokens = lexMarkdown(body);
    // marked gave up on this input: its paragraphs are still worth indexing.
    const blocks = tokens ? markdownBlocks(tokens) : plainTextBlocks(body);
    const heading = blocks.find((block)=>block.kind === 'heading' && block.depth === 1);
    const title = heading?.text ?? declaredTitle;
    return {
        format: 'markdown',
        ...title ? {
            title
        } : {},
        blocks
    };
}
function markdownBlocks(tokens) {
    const blocks = [];
    for (const token of tokens){
        switch(token.type){
            case 'heading':
                pushBlock(blocks, 'heading', collapseWhitespace(inlinePlain(token)), {
                    depth: token.depth
                });
                break;
            case 'list':
                pushBlock(blocks, 'list', listLines(token, 0).join('\n'));
                break;
            case 'table':
                pushBlock(blocks, 'table', tableRows(token).join('\n'));
                break;
            case 'code':
                pushBlock(blocks, 'code', token.text);
                break;
            case 'blockquote':
                pushBlock(blocks, 'quote', token.tokens.map(nestedText).filter(Boolean).join('\n'));
                break;
            default:
                pushBlock(blocks, 'paragraph', collapseWhitespace(nestedText(token)));
        }
    }
    return blocks;
}
/** The text of a token inside a list item or quote, where structure is kept as lines. */ function nestedText(token) {
    const t = token;
    switch(t.type){
        case 'paragraph':
        case 'text':
        case 'heading':
            return collapseWhitespace(inlinePlain(t));
        case 'list':
            return listLines(t, 0).join('\n');
        case 'table':
            return tableRows(t).join('\n');
        case 'code':
            return t.text;
        case 'blockquote':
            return t.tokens.map(nestedText).filter(Boolean).join('\n');
        case 'html':
            return collapseWhitespace(htmlSnippetText(t.text));
        default:
            return '';
    }
}
function listLines(list, level) {
    const start = typeof list.start === 'number' ? list.start : 1;
    const indent = '  '.repeat(level);
    const lines = [];
    list.items.forEach((item, i)=>{
        const marker = list.ordered ? `${start + i}.` : '-';
        const task = item.task ? item.checked ? '[x] ' : '[ ] ' : '';
        const own = [];
        const nested = [];
        for (const child of item.tokens){
            if (child.type === 'list') nested.push(...listLines(child, level + 1));
            else if (child.type === 'code' || child.type === 'table' || child.type === 'blockquote') {
                nested.push(...nestedText(child).split('\n').map((line)=>`${indent}    ${line}`));
            } else own.push(nestedText(child));
        }
        lines.push(`${indent}${marker} ${task}${collapseWhitespace(own.join(' '))}`.trimEnd(), ...nested);
    });
    return lines;
}
function tableRows(table) {
    const row = (cells)=>cells.map((cell)=>collapseWhitespace(inlinePlain(cell))).join(' | ');
    return [
        row(table.header),
        ...table.rows.map(row)
    ].filter((line)=>line.replace(/[\s|]/g, ''));
}

//# sourceMappingURL=markdown.extractor.js.map