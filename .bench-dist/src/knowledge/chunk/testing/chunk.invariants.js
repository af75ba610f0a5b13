import assert from 'node:assert/strict';
const TABLE_RULE = /^[\s|:+-]*-[\s|:+-]*$/;
const strip = (text)=>text.replace(/\s+/g, '');
const collapse = (text)=>text.replace(/\s+/g, ' ').trim();
/**
 * Asserts what every chunking must satisfy and returns the overlaps. Coverage is checked on
 * the non-whitespace characters: each chunk, less a repeated table header, must continue the
 * text covered so far, starting at or before its end, and together they must cover it all.
 */ export function expectChunkInvariants(doc, chunks, counter) {
    const paths = pathsByBlock(doc);
    chunks.forEach((chunk, i)=>expectWellFormed(doc, chunk, i, counter, paths));
    return expectCoverage(doc, chunks);
}
function expectWellFormed(doc, chunk, index, counter, paths) {
    assert.equal(chunk.index, index);
    assert.ok(strip(chunk.text).length > 0, 'empty chunk');
    assert.equal(chunk.text, chunk.text.trim());
    assert.doesNotMatch(chunk.text, /\n[ \t]*\n[ \t]*\n/);
    const path = chunk.headingPath.join(' > ');
    assert.equal(chunk.embeddingText, path ? `${path}\n\n${chunk.text}` : chunk.text);
    assert.equal(chunk.tokenCount, counter.count(chunk.embeddingText));
    assert.ok(chunk.tokenCount <= counter.window, `chunk ${index} is over the window`);
    assert.ok(chunk.firstBlock <= chunk.lastBlock);
    const blocks = doc.blocks.slice(chunk.firstBlock, chunk.lastBlock + 1);
    assert.equal(blocks.length, chunk.lastBlock - chunk.firstBlock + 1);
    assert.ok(!blocks.some((block)=>block.kind === 'heading'), 'chunk spans a heading');
    assert.equal(chunk.page, doc.blocks[chunk.firstBlock].page);
    expectPathMatches(chunk.headingPath, paths[chunk.firstBlock]);
}
/** The open headings above each block (less a first one that is the title), recomputed. */ export function pathsByBlock(doc) {
    const open = [];
    let first = true;
    return doc.blocks.map((block)=>{
        const text = collapse(block.text);
        if (block.kind === 'heading' && text) {
            const depth = block.depth ?? 1;
            while(open.length > 0 && open[open.length - 1].depth >= depth)open.pop();
            open.push({
                depth,
                text,
                title: first && text === collapse(doc.title ?? '')
            });
            first = false;
        }
        return open.filter((heading)=>!heading.title).map((heading)=>heading.text);
    });
}
// A path too long for the window keeps its innermost headings, cut and marked with ….
function expectPathMatches(actual, expected) {
    if (actual.every((heading)=>!heading.endsWith('…')) && actual.length === expected.length) {
        assert.deepEqual(actual, expected);
        return;
    }
    assert.ok(actual.length <= expected.length);
    const inner = expected.slice(expected.length - actual.length);
    actual.forEach((heading, i)=>{
        if (heading === inner[i]) return;
        assert.ok(heading.endsWith('…'), `heading ${heading} is neither whole nor cut`);
        assert.ok(inner[i].startsWith(heading.slice(0, -1).trimEnd()), `${heading} cuts another heading`);
    });
}
function expectCoverage(doc, chunks) {
    const stream = doc.blocks.filter((block)=>block.kind !== 'heading').map((block)=>strip(block.text)).join('');
    const headers = tableHeaders(doc);
    const overlaps = [];
    // Every point the text may be covered to: repetitive text ("--- | ---") can match in more
    // than one place, so all consistent readings are kept, not a greedy one.
    let ends = new Set([
        0
    ]);
    for (const chunk of chunks){
        const text = strip(chunk.text);
        const repeated = headers.filter((h)=>text.startsWith(h)).map((h)=>text.slice(h.length));
        const next = new Set();
        let least = Infinity;
        for (const covered of ends){
            for (const candidate of [
                text,
                ...repeated
            ].filter(Boolean)){
                for (const at of continuations(stream, candidate, covered)){
                    next.add(at + candidate.length);
                    least = Math.min(least, covered - at);
                }
            }
        }
        if (next.size === 0) throw new Error(`chunk ${chunk.index} does not continue the text: ${chunk.text}`);
        overlaps.push(least);
        ends = next;
    }
    assert.ok(ends.has(stream.length), 'the chunks do not cover the text');
    return overlaps;
}
/** Where `candidate` occurs starting at or before `covered` and reaching past it. */ function continuations(stream, candidate, covered) {
    const found = [];
    let at = stream.indexOf(candidate, Math.max(0, covered - candidate.length + 1));
    while(at >= 0 && at <= covered){
        found.push(at);
        at = stream.indexOf(candidate, at + 1);
    }
    return found;
}
function tableHeaders(doc) {
    return doc.blocks.filter((block)=>block.kind === 'table').map((block)=>{
        const rows = block.text.split('\n').filter((row)=>row.trim());
        const withRule = rows.length > 2 && TABLE_RULE.test(rows[1]);
        return strip(withRule ? rows[0] + rows[1] : rows[0] ?? '');
    }).filter(Boolean);
}
/** Whether a heading lies between two chunks, so no overlap may join them. */ export function headingBetween(doc, before, after) {
    return doc.blocks.slice(before.lastBlock + 1, after.firstBlock).some((block)=>block.kind === 'heading' && collapse(block.text));
}

//# sourceMappingURL=chunk.invariants.js.map