export { DEFAULT_OVERLAP_TOKENS, DEFAULT_TARGET_TOKENS, MIN_PASSAGE_TOKENS, resolveChunkOptions } from './chunk.options.js';
export { chunkDocument } from './document.chunker.js';

//# sourceMappingURL=index.js.map