export { ensureBuiltInModel } from './model-cache.provisioner.js';
export { convertMiniLmToOnnx } from './minilm-onnx.converter.js';
export { BUILT_IN_MODEL_ID, DEFAULT_EMBEDDING_MODEL_CONFIG, resolveEmbeddingModelConfig } from './embedding-model.config.js';
export { EmbeddingError } from './embedding.errors.js';
export { loadTokenCounter } from './token.counter.js';
export { WorkerEmbedder } from './worker.embedder.js';

//# sourceMappingURL=index.js.map