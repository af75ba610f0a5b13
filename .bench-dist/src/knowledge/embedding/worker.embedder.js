import { Worker } from 'node:worker_threads';
import { closedError, EmbeddingError, embedFailedError, modelLoadError, notReadyError, workerCrashedError } from './embedding.errors.js';
import { usesBuiltInModel } from './embedding-model.config.js';
import { ensureBuiltInModel } from './model-cache.provisioner.js';
const WORKER_URL = new URL('./embed.worker.js', import.meta.url);
/**
 * An `Embedder` that runs a transformers.js feature-extraction pipeline (mean pooling, unit
 * length) in one worker thread, so inference never blocks the event loop. Nothing starts until
 * the first `embed()` or `ready()`. Batches are answered in order; a crashed worker fails what
 * was pending, and the next call starts a fresh one. `close()` is final.
 */ export class WorkerEmbedder {
    constructor(config, options = {}){
        this.config = config;
        this.options = options;
        this.pending = new Map();
        /** Requests waiting for a worker to start, in call order. */ this.outbox = [];
        this.nextId = 1;
        this.closed = false;
        this.modelId = config.modelId;
    }
    /** The vector length; known once the model has loaded (`await ready()` first). */ get dimension() {
        if (this.knownDimension === undefined) throw notReadyError(this.modelId);
        return this.knownDimension;
    }
    /** Starts the worker and loads the model (provisioning the built-in one if needed). */ async ready() {
        const { dimension, threadId } = await this.request({
            type: 'load'
        });
        return {
            dimension,
            threadId
        };
    }
    async embed(texts) {
        if (this.closed) throw closedError(this.modelId);
        const batches = [];
        for(let i = 0; i < texts.length; i += this.config.batchSize){
            batches.push(texts.slice(i, i + this.config.batchSize));
        }
        const answers = await Promise.all(batches.map((b)=>this.request({
                type: 'embed',
                texts: b
            })));
        return answers.flatMap((answer, i)=>rows(answer, batches[i].length));
    }
    async close() {
        this.closed = true;
        await this.starting;
        const worker = this.worker;
        this.worker = undefined;
        this.failAll(closedError(this.modelId));
        await worker?.terminate();
    }
    request(command) {
        if (this.closed) return Promise.reject(closedError(this.modelId));
        const id = this.nextId++;
        const answer = new Promise((resolve, reject)=>{
            this.pending.set(id, {
                resolve,
                reject
            });
        });
        this.outbox.push({
            ...command,
            id
        });
        this.flush();
        return answer.then((response)=>{
            if (response.type === 'error') {
                throw response.stage === 'load' ? modelLoadError(this.config, response.error) : embedFailedError(this.modelId, response.error);
            }
            this.knownDimension = response.dimension;
            return response;
        });
    }
    /** Posts queued requests in call order, starting a worker first if there is none. */ flush() {
        if (this.closed) return;
        const worker = this.worker;
        if (worker) {
            if (this.outbox.length > 0) worker.ref();
            for (const message of this.outbox.splice(0))worker.postMessage(message);
            return;
        }
        this.starting ??= this.spawn().then(()=>{
            this.starting = undefined;
            this.flush();
        }, (error)=>{
            this.starting = undefined;
            this.failAll(error instanceof Error ? error : new Error(String(error)));
        });
    }
    async spawn() {
        if (usesBuiltInModel(this.config)) await ensureBuiltInModel(this.config.cacheDir);
        if (this.closed) return;
        const { modelId, dtype, localModelPath, cacheDir, allowRemoteModels } = this.config;
        const workerData = {
            modelId,
            dtype,
            localModelPath,
            cacheDir,
            allowRemoteModels
        };
        const worker = new Worker(this.options.workerUrl ?? WORKER_URL, {
            workerData
        });
        worker.on('message', (response)=>this.settle(worker, response));
        worker.on('error', (error)=>this.crashed(worker, error.message));
        worker.on('exit', (code)=>this.crashed(worker, `exit code ${code}`));
        // Idle, the worker must not keep the process alive; `flush` refs it while calls are pending.
        worker.unref();
        this.worker = worker;
    }
    settle(worker, response) {
        const pending = this.pending.get(response.id);
        this.pending.delete(response.id);
        if (this.pending.size === 0) worker.unref();
        pending?.resolve(response);
    }
    crashed(worker, detail) {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.failAll(workerCrashedError(this.modelId, detail));
    }
    failAll(error) {
        const pending = [
            ...this.pending.values()
        ];
        this.pending.clear();
        this.outbox.length = 0;
        for (const p of pending)p.reject(error);
    }
}
function rows(answer, count) {
    const { vectors, dimension } = answer;
    if (vectors.byteLength !== count * dimension * 4) {
        throw new EmbeddingError('embed_failed', `Expected ${count} vectors of ${dimension} floats`);
    }
    return Array.from({
        length: count
    }, (_, i)=>new Float32Array(vectors, i * dimension * 4, dimension));
}

//# sourceMappingURL=worker.embedder.js.map