import { splitBlockUnits } from './block-units.splitter.js';
import { BLOCK_JOINER, sumTokens } from './chunk-part.types.js';
import { splitOversize } from './oversize-part.splitter.js';
const ATOMIC = new Set([
    'list',
    'table',
    'code'
]);
/**
 * A block's parts, each counted once and none over `limit` content tokens; `undefined` for a
 * block with nothing but whitespace.
 */ export function buildPartGroup(block, index, limit, meter) {
    const { units, joiner, hasHeader } = splitBlockUnits(block.kind, block.text);
    if (units.length === 0) return undefined;
    const parts = units.flatMap((text, i)=>splitOversize({
            text,
            tokens: meter.content(text),
            block: index,
            joiner: i === 0 ? BLOCK_JOINER : joiner
        }, limit, meter));
    // A header row too long to stay whole is not repeated.
    const header = hasHeader && parts[0].text === units[0] ? parts[0] : undefined;
    return {
        parts,
        tokens: sumTokens(parts),
        atomic: ATOMIC.has(block.kind),
        header
    };
}

//# sourceMappingURL=part-group.builder.js.map