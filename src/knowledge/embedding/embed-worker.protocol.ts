/**
 * The messages between `WorkerEmbedder` and `embed.worker.js`. The worker is plain JavaScript
 * (it must run unbuilt under Jest and built from `dist/`), so it mirrors these types in JSDoc:
 * change both together.
 */
import { type ErrorDescription } from './embedding.errors.js';
import { type EmbeddingDtype } from './embedding-model.config.js';

/** Passed as `workerData`: what to load and where transformers.js should look. */
export interface EmbedWorkerData {
  readonly modelId: string;
  readonly dtype: EmbeddingDtype;
  readonly localModelPath: string;
  readonly cacheDir: string;
  readonly allowRemoteModels: boolean;
}

/** What the main thread asks for. */
export type EmbedWorkerCommand =
  { readonly type: 'load' } | { readonly type: 'embed'; readonly texts: readonly string[] };

/** Main thread → worker. The worker answers each in the order received, with the same `id`. */
export type EmbedWorkerRequest = EmbedWorkerCommand & { readonly id: number };

/** Worker → main thread. */
export type EmbedWorkerResponse =
  | {
      readonly type: 'loaded';
      readonly id: number;
      readonly dimension: number;
      readonly threadId: number;
    }
  | {
      readonly type: 'embedded';
      readonly id: number;
      readonly dimension: number;
      /** `texts.length × dimension` floats, row-major; transferred, not copied. */
      readonly vectors: ArrayBuffer;
    }
  | {
      readonly type: 'error';
      readonly id: number;
      readonly stage: 'load' | 'embed';
      readonly error: ErrorDescription;
    };
