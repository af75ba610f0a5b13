import { Worker } from 'node:worker_threads';

import { type Embedder } from '../knowledge.types.js';
import {
  type EmbedWorkerCommand,
  type EmbedWorkerData,
  type EmbedWorkerRequest,
  type EmbedWorkerResponse,
} from './embed-worker.protocol.js';
import {
  closedError,
  EmbeddingError,
  embedFailedError,
  modelLoadError,
  notReadyError,
  workerCrashedError,
} from './embedding.errors.js';
import { type EmbeddingModelConfig, usesBuiltInModel } from './embedding-model.config.js';
import { ensureBuiltInModel } from './model-cache.provisioner.js';

const WORKER_URL = new URL('./embed.worker.js', import.meta.url);

type Loaded = Extract<EmbedWorkerResponse, { type: 'loaded' }>;
type Embedded = Extract<EmbedWorkerResponse, { type: 'embedded' }>;

interface Pending {
  resolve(response: EmbedWorkerResponse): void;
  reject(error: Error): void;
}

/** Options for tests; production code passes none. */
export interface WorkerEmbedderOptions {
  /** A worker script speaking the `embed-worker.protocol.ts` protocol instead of the real one. */
  readonly workerUrl?: URL;
}

/** What `ready()` learnt from the loaded model. */
export interface EmbedderReadiness {
  readonly dimension: number;
  /** The `threadId` of the worker that runs the model (never the main thread's 0). */
  readonly threadId: number;
}

/**
 * An `Embedder` that runs a transformers.js feature-extraction pipeline (mean pooling, unit
 * length) in one worker thread, so inference never blocks the event loop. Nothing starts until
 * the first `embed()` or `ready()`. Batches are answered in order; a crashed worker fails what
 * was pending, and the next call starts a fresh one. `close()` is final.
 */
export class WorkerEmbedder implements Embedder {
  readonly modelId: string;
  private worker: Worker | undefined;
  private starting: Promise<void> | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Requests waiting for a worker to start, in call order. */
  private readonly outbox: EmbedWorkerRequest[] = [];
  private nextId = 1;
  private knownDimension: number | undefined;
  private closed = false;

  constructor(
    private readonly config: EmbeddingModelConfig,
    private readonly options: WorkerEmbedderOptions = {},
  ) {
    this.modelId = config.modelId;
  }

  /** The vector length; known once the model has loaded (`await ready()` first). */
  get dimension(): number {
    if (this.knownDimension === undefined) throw notReadyError(this.modelId);
    return this.knownDimension;
  }

  /** Starts the worker and loads the model (provisioning the built-in one if needed). */
  async ready(): Promise<EmbedderReadiness> {
    const { dimension, threadId } = (await this.request({ type: 'load' })) as Loaded;
    return { dimension, threadId };
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.closed) throw closedError(this.modelId);
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += this.config.batchSize) {
      batches.push(texts.slice(i, i + this.config.batchSize));
    }
    const answers = await Promise.all(
      batches.map((b) => this.request({ type: 'embed', texts: b })),
    );
    return answers.flatMap((answer, i) => rows(answer as Embedded, batches[i]!.length));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.starting;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(closedError(this.modelId));
    await worker?.terminate();
  }

  private request(command: EmbedWorkerCommand): Promise<EmbedWorkerResponse> {
    if (this.closed) return Promise.reject(closedError(this.modelId));
    const id = this.nextId++;
    const answer = new Promise<EmbedWorkerResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
    this.outbox.push({ ...command, id });
    this.flush();
    return answer.then((response) => {
      if (response.type === 'error') {
        throw response.stage === 'load'
          ? modelLoadError(this.config, response.error)
          : embedFailedError(this.modelId, response.error);
      }
      this.knownDimension = response.dimension;
      return response;
    });
  }

  /** Posts queued requests in call order, starting a worker first if there is none. */
  private flush(): void {
    if (this.closed) return;
    const worker = this.worker;
    if (worker) {
      if (this.outbox.length > 0) worker.ref();
      for (const message of this.outbox.splice(0)) worker.postMessage(message);
      return;
    }
    this.starting ??= this.spawn().then(
      () => {
        this.starting = undefined;
        this.flush();
      },
      (error: unknown) => {
        this.starting = undefined;
        this.failAll(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  private async spawn(): Promise<void> {
    if (usesBuiltInModel(this.config)) await ensureBuiltInModel(this.config.cacheDir);
    if (this.closed) return;
    const { modelId, dtype, localModelPath, cacheDir, allowRemoteModels } = this.config;
    const workerData: EmbedWorkerData = {
      modelId,
      dtype,
      localModelPath,
      cacheDir,
      allowRemoteModels,
    };
    const worker = new Worker(this.options.workerUrl ?? WORKER_URL, { workerData });
    worker.on('message', (response: EmbedWorkerResponse) => this.settle(worker, response));
    worker.on('error', (error) => this.crashed(worker, error.message));
    worker.on('exit', (code) => this.crashed(worker, `exit code ${code}`));
    // Idle, the worker must not keep the process alive; `flush` refs it while calls are pending.
    worker.unref();
    this.worker = worker;
  }

  private settle(worker: Worker, response: EmbedWorkerResponse): void {
    const pending = this.pending.get(response.id);
    this.pending.delete(response.id);
    if (this.pending.size === 0) worker.unref();
    pending?.resolve(response);
  }

  private crashed(worker: Worker, detail: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(workerCrashedError(this.modelId, detail));
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.outbox.length = 0;
    for (const p of pending) p.reject(error);
  }
}

function rows(answer: Embedded, count: number): Float32Array[] {
  const { vectors, dimension } = answer;
  if (vectors.byteLength !== count * dimension * 4) {
    throw new EmbeddingError('embed_failed', `Expected ${count} vectors of ${dimension} floats`);
  }
  return Array.from(
    { length: count },
    (_, i) => new Float32Array(vectors, i * dimension * 4, dimension),
  );
}
