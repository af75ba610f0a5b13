import { collapse } from './block-units.splitter.js';
import { ChunkAssembler } from './chunk.assembler.js';
import { resolveChunkOptions } from './chunk.options.js';
import { fitHeadingPath, HeadingTrail, PATH_SEPARATOR } from './heading-path.tracker.js';
import { buildPartGroup } from './part-group.builder.js';
import { SectionPacker } from './section.packer.js';
import { TokenMeter } from './token.meter.js';
/**
 * Splits a document into passages for embedding. Headings open sections and become each
 * chunk's `headingPath` (a first heading that is the document's title excepted). Within a
 * section, paragraphs are packed up to `targetTokens`; lists, tables and code stay whole while
 * they fit the window; anything longer is split between items, rows, lines or sentences, then
 * words and, last, characters. Consecutive chunks of a section share about `overlapTokens`.
 * Every `embeddingText` is counted with `tokens` and fits `tokens.window`; equal input gives
 * equal chunks.
 *
 * `tokens.count` must not truncate: a truncating counter cannot report an overflow.
 * @throws RangeError when the options do not fit `tokens.window`.
 */ export function chunkDocument(doc, tokens, options) {
    const meter = new TokenMeter(tokens);
    const settings = resolveChunkOptions(meter.window, meter.overhead, options);
    const chunks = [];
    const assembler = new ChunkAssembler(doc.blocks, meter, chunks);
    const trail = new HeadingTrail();
    // The title is not part of any heading path, but the heading that carries it still counts.
    let title = doc.title === undefined ? undefined : collapse(doc.title);
    let section;
    for (const [index, block] of doc.blocks.entries()){
        if (block.kind === 'heading') {
            const text = collapse(block.text);
            if (!text) continue;
            section?.finish();
            section = undefined;
            trail.enter(headingDepth(block), text, text === title);
            title = undefined;
            continue;
        }
        section ??= openSection(trail.path(), meter, settings, assembler);
        const group = buildPartGroup(block, index, section.budget.target, meter);
        if (group) section.add(group);
    }
    section?.finish();
    return chunks;
}
function headingDepth(block) {
    const depth = block.depth ?? 1;
    return Number.isFinite(depth) ? Math.min(6, Math.max(1, Math.trunc(depth))) : 1;
}
function openSection(path, meter, settings, assembler) {
    const room = meter.window - meter.overhead;
    // The path may take up to half the window, so a passage always keeps the other half.
    const headingPath = fitHeadingPath(path, meter, Math.floor(room / 2));
    const joined = headingPath.join(PATH_SEPARATOR);
    const pathTokens = headingPath.length > 0 ? meter.content(joined) : 0;
    const limit = room - pathTokens;
    const wanted = settings.targetTokens - meter.overhead - pathTokens;
    const target = Math.min(limit, Math.max(Math.ceil(limit / 2), wanted));
    const overlap = Math.min(settings.overlapTokens, Math.floor(target / 2));
    const prefix = headingPath.length > 0 ? `${joined}\n\n` : '';
    return new SectionPacker({
        headingPath,
        prefix
    }, {
        target,
        limit,
        overlap
    }, assembler, meter);
}

//# sourceMappingURL=document.chunker.js.map