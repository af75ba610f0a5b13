/** The one error type of this folder; `code` says what went wrong, `message` says what to do. */ export class EmbeddingError extends Error {
    constructor(code, message, options){
        super(message, options), this.code = code;
        this.name = 'EmbeddingError';
    }
}
function isNotFound(cause) {
    return cause.name === 'ModelFileNotFoundError' || /not found locally|Could not locate file|ENOENT/.test(cause.message);
}
/** Turns a transformers.js load failure into an error that names the model and where it looked. */ export function modelLoadError(config, cause) {
    const where = config.localModelPath === config.cacheDir ? `looked in ${config.cacheDir}` : `looked in ${config.localModelPath} and the cache ${config.cacheDir}`;
    if (isNotFound(cause)) {
        const remote = config.allowRemoteModels ? 'the Hugging Face Hub did not have it either' : 'remote models are off (allowRemoteModels: false), so nothing was downloaded';
        return new EmbeddingError('model_not_found', `Embedding model "${config.modelId}" (dtype ${config.dtype}) was not found: ${where}; ${remote}. ${cause.message}`);
    }
    return new EmbeddingError('model_load_failed', `Embedding model "${config.modelId}" (dtype ${config.dtype}) failed to load (${where}): ${cause.message}`);
}
export function embedFailedError(modelId, cause) {
    return new EmbeddingError('embed_failed', `Embedding with "${modelId}" failed: ${cause.message}`);
}
export function workerCrashedError(modelId, detail) {
    return new EmbeddingError('worker_crashed', `The embedding worker for "${modelId}" stopped (${detail}); the next call starts a new one`);
}
export function closedError(modelId) {
    return new EmbeddingError('closed', `The embedder for "${modelId}" is closed`);
}
export function notReadyError(modelId) {
    return new EmbeddingError('not_ready', `"${modelId}" has not loaded yet: await ready() first`);
}
export function noWindowError(modelId) {
    return new EmbeddingError('no_window', `The tokenizer of "${modelId}" has no model_max_length: set it in tokenizer_config.json`);
}

//# sourceMappingURL=embedding.errors.js.map