export const DEFAULT_EXTRACTION_LIMITS = Object.freeze({
    maxBytes: 10 * 1024 * 1024,
    maxPages: 300
});

//# sourceMappingURL=extraction.types.js.map