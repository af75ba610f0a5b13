export { ensureBuiltInModel } from './model-cache.provisioner.js';
export {
  convertMiniLmToOnnx,
  type MiniLmOnnx,
  type MiniLmSource,
} from './minilm-onnx.converter.js';
export {
  BUILT_IN_MODEL_ID,
  DEFAULT_EMBEDDING_MODEL_CONFIG,
  type EmbeddingDtype,
  type EmbeddingModelConfig,
  resolveEmbeddingModelConfig,
} from './embedding-model.config.js';
export { EmbeddingError, type EmbeddingErrorCode } from './embedding.errors.js';
export { loadTokenCounter } from './token.counter.js';
export {
  type EmbedderReadiness,
  WorkerEmbedder,
  type WorkerEmbedderOptions,
} from './worker.embedder.js';
