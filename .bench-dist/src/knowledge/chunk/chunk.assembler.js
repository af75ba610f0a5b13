import { joinParts, PIECE_JOINER, WORD_JOINER } from './chunk-part.types.js';
import { longestFit } from './longest-fit.search.js';
import { safeEnd } from './oversize-part.splitter.js';
/**
 * Turns packed parts into `DocumentChunk`s, counting each final `embeddingText`: the packer
 * works from summed part counts, and a real tokenizer need not be additive. When a chunk is
 * over the window it sheds trailing parts, then its context (header, overlap), and a lone part
 * is cut by counting; whatever it sheds is handed back, so nothing is lost.
 */ export class ChunkAssembler {
    constructor(blocks, meter, chunks){
        this.blocks = blocks;
        this.meter = meter;
        this.chunks = chunks;
    }
    /** Emits one chunk from `parts`, whose first `fixed` are context that may be dropped. */ emit(frame, parts, fixed) {
        let context = parts.slice(0, fixed);
        let fresh = parts.slice(fixed);
        const rest = [];
        for(;;){
            const all = [
                ...context,
                ...fresh
            ];
            const text = joinParts(all).trim();
            const embeddingText = frame.prefix + text;
            const tokenCount = this.meter.count(embeddingText);
            if (tokenCount <= this.meter.window) {
                this.push(frame, all, text, embeddingText, tokenCount);
                return {
                    emitted: all,
                    rest
                };
            }
            if (fresh.length > 1) {
                const fitting = longestFit(fresh.length - 1, fresh.length - 1, (n)=>this.fits(frame, [
                        ...context,
                        ...fresh.slice(0, n)
                    ]));
                const keep = Math.max(1, fitting);
                rest.unshift(...fresh.slice(keep));
                fresh = fresh.slice(0, keep);
            } else if (context.length > 0) {
                context = [];
            } else {
                const [head, tail] = this.cut(frame, fresh[0]);
                fresh = [
                    head
                ];
                rest.unshift(tail);
            }
        }
    }
    fits(frame, parts) {
        return this.meter.fits(frame.prefix + joinParts(parts).trim());
    }
    // Whole words when at least one fits; characters only for a word longer than the window.
    cut(frame, part) {
        const words = part.text.trim().split(/\s+/);
        const fitsWords = (n)=>this.meter.fits(frame.prefix + words.slice(0, n).join(' '));
        const wordCount = longestFit(words.length - 1, words.length >> 1, fitsWords);
        if (wordCount > 0) {
            const head = words.slice(0, wordCount).join(' ');
            return [
                this.piece(part, head, part.joiner),
                this.piece(part, words.slice(wordCount).join(' '), WORD_JOINER)
            ];
        }
        const text = words.join(' ');
        const fitsChars = (n)=>this.meter.fits(frame.prefix + text.slice(0, safeEnd(text, 0, n)));
        const end = safeEnd(text, 0, longestFit(text.length - 1, text.length >> 1, fitsChars));
        if (end === 0 || end >= text.length) {
            throw new RangeError('a single character does not fit the token window');
        }
        const tail = text.slice(end);
        const joiner = /^\s/.test(tail) ? WORD_JOINER : PIECE_JOINER;
        const head = text.slice(0, end).trimEnd();
        return [
            this.piece(part, head, part.joiner),
            this.piece(part, tail.trim(), joiner)
        ];
    }
    piece(part, text, joiner) {
        return {
            text,
            tokens: this.meter.content(text),
            block: part.block,
            joiner
        };
    }
    push(frame, parts, text, embeddingText, tokenCount) {
        const blocks = parts.map((part)=>part.block);
        const firstBlock = Math.min(...blocks);
        const page = this.blocks[firstBlock]?.page;
        this.chunks.push({
            index: this.chunks.length,
            text,
            headingPath: frame.headingPath,
            embeddingText,
            tokenCount,
            firstBlock,
            lastBlock: Math.max(...blocks),
            ...page === undefined ? {} : {
                page
            }
        });
    }
}

//# sourceMappingURL=chunk.assembler.js.map