import { Lexer, getDefaults } from 'marked';
// marked's inline pass is quadratic on some inputs ("_a_" repeated: 12 KB takes 0.7 s), so a run
// longer than this, or any run once the budget is spent, keeps its raw text (see `inlinePlain`).
const MAX_INLINE_CHARS = 8 * 1024;
const INLINE_BUDGET_MS = 3000;
// Its block pass recurses per level: 4000 nested quotes overflow the stack, 400 nested lists take
// 1.4 s. Deeper levels are flattened onto the last one allowed.
const MAX_NESTING = 16;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const DEEP_QUOTE = new RegExp(`^((?:[ \\t]{0,3}>){${MAX_NESTING}})(?:[ \\t]{0,3}>)+`);
const DEEP_LIST_ITEM = new RegExp(`^[ \\t]{${MAX_NESTING * 4},}(?=(?:[-*+]|\\d{1,9}[.)])[ \\t])`);
/**
 * Block tokens of `markdown` with their inline tokens filled in where that stays cheap; a token
 * left without them has `tokens: []` and its raw `text`. Returns `undefined` when marked fails.
 */ export function lexMarkdown(markdown) {
    // A fresh option set: `marked.use()` elsewhere in the process must not change what we index.
    const lexer = new Lexer({
        ...getDefaults(),
        gfm: true
    });
    try {
        lexer.blockTokens(flattenDeepNesting(markdown), lexer.tokens);
        const deadline = performance.now() + INLINE_BUDGET_MS;
        for (const run of lexer.inlineQueue){
            if (run.src.length > MAX_INLINE_CHARS || performance.now() > deadline) continue;
            lexer.state.inRawBlock = false;
            lexer.inlineTokens(run.src, run.tokens);
        }
        return lexer.tokens;
    } catch  {
        // RangeError on nesting we did not foresee, or marked's own "Infinite loop on byte".
        return undefined;
    } finally{
        lexer.inlineQueue = [];
    }
}
function flattenDeepNesting(markdown) {
    let inFence = false;
    const lines = markdown.split('\n');
    for(let i = 0; i < lines.length; i++){
        const line = lines[i];
        if (FENCE.test(line)) inFence = !inFence;
        if (inFence) continue;
        lines[i] = line.replace(DEEP_QUOTE, '$1').replace(DEEP_LIST_ITEM, ' '.repeat(MAX_NESTING * 4));
    }
    return lines.join('\n');
}

//# sourceMappingURL=markdown.lexer.js.map