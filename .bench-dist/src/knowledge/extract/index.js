/** The public face of document extraction: bytes in, `ExtractedDocument` out. */ export { extractDocument } from './document.extractor.js';
export * from './extraction.errors.js';
export * from './extraction.types.js';

//# sourceMappingURL=index.js.map