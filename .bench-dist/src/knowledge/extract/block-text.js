/** `text` on one line: runs of whitespace (newlines included) become one space. */ export function collapseWhitespace(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/**
 * Appends a block unless its text is blank (a `TextBlock` is never empty). Code keeps its
 * indentation and only loses blank edges; everything else is trimmed.
 */ export function pushBlock(blocks, kind, text, extra = {}) {
    const clean = kind === 'code' ? text.replace(/^\s*\n|\s+$/g, '') : text.trim();
    if (!clean.trim()) return;
    blocks.push({
        kind,
        text: clean,
        ...definedOnly(extra)
    });
}
function definedOnly(extra) {
    const out = {};
    if (extra.depth !== undefined) out.depth = extra.depth;
    if (extra.page !== undefined) out.page = extra.page;
    return out;
}

//# sourceMappingURL=block-text.js.map