import { createHash } from 'node:crypto';
/**
 * A model id as a SQL string literal. Ids come from configuration (a transformers.js model id or
 * a local path), never from a request; this still refuses anything but the characters such ids
 * use, so a literal can never end early.
 */ export function modelLiteral(modelId) {
    if (!/^[\w./@:+-]{1,200}$/.test(modelId)) throw new Error(`Embedding model id "${modelId}" has characters a model id cannot have.`);
    return `'${modelId}'`;
}
/** The partial HNSW index of one model; the built-in model's name is fixed by the migration. */ export function vectorIndexName(modelId) {
    if (modelId === 'Xenova/all-MiniLM-L6-v2') return 'knowledge_chunks_hnsw_builtin';
    return `knowledge_chunks_hnsw_${createHash('sha256').update(modelId).digest('hex').slice(0, 16)}`;
}

//# sourceMappingURL=embedding-model-id.js.map