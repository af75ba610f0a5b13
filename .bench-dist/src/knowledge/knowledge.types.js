/**
 * The shapes that flow through the pipeline: extract → chunk → embed → store → retrieve. Each
 * stage lives in its own folder and depends only on these types, so it can be tested alone.
 */ /** The formats the extractor recognises, by content (never by file name). */ /** Turns passages into unit-length vectors; batches internally. */ export { };

//# sourceMappingURL=knowledge.types.js.map