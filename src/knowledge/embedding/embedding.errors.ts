import { type EmbeddingModelConfig } from './embedding-model.config.js';

/** Why an embedding call or model load failed. */
export type EmbeddingErrorCode =
  | 'model_not_found'
  | 'model_load_failed'
  | 'embed_failed'
  | 'worker_crashed'
  | 'closed'
  | 'not_ready'
  | 'no_window';

/** The one error type of this folder; `code` says what went wrong, `message` says what to do. */
export class EmbeddingError extends Error {
  constructor(
    readonly code: EmbeddingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbeddingError';
  }
}

/** A plain error as it crosses the worker boundary. */
export interface ErrorDescription {
  readonly name: string;
  readonly message: string;
}

type ModelConfig = Pick<
  EmbeddingModelConfig,
  'modelId' | 'dtype' | 'localModelPath' | 'cacheDir' | 'allowRemoteModels'
>;

function isNotFound(cause: ErrorDescription): boolean {
  return (
    cause.name === 'ModelFileNotFoundError' ||
    /not found locally|Could not locate file|ENOENT/.test(cause.message)
  );
}

/** Turns a transformers.js load failure into an error that names the model and where it looked. */
export function modelLoadError(config: ModelConfig, cause: ErrorDescription): EmbeddingError {
  const where =
    config.localModelPath === config.cacheDir
      ? `looked in ${config.cacheDir}`
      : `looked in ${config.localModelPath} and the cache ${config.cacheDir}`;
  if (isNotFound(cause)) {
    const remote = config.allowRemoteModels
      ? 'the Hugging Face Hub did not have it either'
      : 'remote models are off (allowRemoteModels: false), so nothing was downloaded';
    return new EmbeddingError(
      'model_not_found',
      `Embedding model "${config.modelId}" (dtype ${config.dtype}) was not found: ${where}; ${remote}. ${cause.message}`,
    );
  }
  return new EmbeddingError(
    'model_load_failed',
    `Embedding model "${config.modelId}" (dtype ${config.dtype}) failed to load (${where}): ${cause.message}`,
  );
}

export function embedFailedError(modelId: string, cause: ErrorDescription): EmbeddingError {
  return new EmbeddingError('embed_failed', `Embedding with "${modelId}" failed: ${cause.message}`);
}

export function workerCrashedError(modelId: string, detail: string): EmbeddingError {
  return new EmbeddingError(
    'worker_crashed',
    `The embedding worker for "${modelId}" stopped (${detail}); the next call starts a new one`,
  );
}

export function closedError(modelId: string): EmbeddingError {
  return new EmbeddingError('closed', `The embedder for "${modelId}" is closed`);
}

export function notReadyError(modelId: string): EmbeddingError {
  return new EmbeddingError('not_ready', `"${modelId}" has not loaded yet: await ready() first`);
}

export function noWindowError(modelId: string): EmbeddingError {
  return new EmbeddingError(
    'no_window',
    `The tokenizer of "${modelId}" has no model_max_length: set it in tokenizer_config.json`,
  );
}
