// Plain JavaScript on purpose: Jest runs the TypeScript sources, but a worker thread is a fresh
// Node context without Jest's transform, so this file must run as-is from src/ and from dist/.
// The message types live in embed-worker.protocol.ts; keep the JSDoc below in step with them.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { env, pipeline } from '@huggingface/transformers';
/** @typedef {import('./embed-worker.protocol.js').EmbedWorkerData} EmbedWorkerData */ /** @typedef {import('./embed-worker.protocol.js').EmbedWorkerRequest} EmbedWorkerRequest */ /** @typedef {import('./embed-worker.protocol.js').EmbedWorkerResponse} EmbedWorkerResponse */ /** @type {EmbedWorkerData} */ const config = workerData;
const EMBED_OPTIONS = {
    pooling: 'mean',
    normalize: true
};
env.allowRemoteModels = config.allowRemoteModels;
env.localModelPath = config.localModelPath;
env.cacheDir = config.cacheDir;
/** @type {Promise<{ extract: Function, dimension: number }> | undefined} */ let loading;
function load() {
    loading ??= (async ()=>{
        const extract = await pipeline('feature-extraction', config.modelId, {
            dtype: config.dtype,
            device: 'cpu'
        });
        // One probe embedding tells the dimension of any model and warms the session up.
        const probe = await extract([
            'dimension probe'
        ], EMBED_OPTIONS);
        return {
            extract,
            dimension: probe.dims[probe.dims.length - 1]
        };
    })();
    // A failed load is retried by the next request (the files may have appeared since).
    loading.catch(()=>loading = undefined);
    return loading;
}
/** @param {Float32Array} data */ function ownBuffer(data) {
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    return whole ? data.buffer : data.slice().buffer;
}
/**
 * @param {EmbedWorkerRequest} request
 * @returns {Promise<[EmbedWorkerResponse, ArrayBuffer[]]>}
 */ async function handle(request) {
    let stage = 'load';
    try {
        const model = await load();
        if (request.type === 'load') {
            return [
                {
                    type: 'loaded',
                    id: request.id,
                    dimension: model.dimension,
                    threadId
                },
                []
            ];
        }
        stage = 'embed';
        const output = await model.extract([
            ...request.texts
        ], EMBED_OPTIONS);
        const vectors = ownBuffer(output.data);
        return [
            {
                type: 'embedded',
                id: request.id,
                dimension: model.dimension,
                vectors
            },
            [
                vectors
            ]
        ];
    } catch (error) {
        const { name = 'Error', message = String(error) } = error instanceof Error ? error : {};
        return [
            {
                type: 'error',
                id: request.id,
                stage,
                error: {
                    name,
                    message
                }
            },
            []
        ];
    }
}
// One request at a time, in arrival order: onnxruntime already uses every core for one batch.
let queue = Promise.resolve();
parentPort.on('message', (/** @type {EmbedWorkerRequest} */ request)=>{
    queue = queue.then(async ()=>{
        const [response, transfer] = await handle(request);
        parentPort.postMessage(response, transfer);
    });
});

//# sourceMappingURL=embed.worker.js.map