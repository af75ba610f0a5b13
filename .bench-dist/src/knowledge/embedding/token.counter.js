import { modelLoadError, noWindowError } from './embedding.errors.js';
import { usesBuiltInModel } from './embedding-model.config.js';
import { hasLocalModelFile, localModelDirs } from './local-model.locator.js';
import { ensureBuiltInModel } from './model-cache.provisioner.js';
// Hub tokenizers without a model_max_length report a huge sentinel (1e30) instead of a window.
const MAX_PLAUSIBLE_WINDOW = 1_000_000;
/**
 * Loads the tokenizer of the embedding model on the calling thread (it counts ~340k tokens/s,
 * so no worker is needed). `count` includes [CLS]/[SEP]; `window` is the tokenizer's
 * `model_max_length` (256 for the built-in model). Sets transformers.js's process-wide `env`
 * (local path, cache, remote switch) from `config`.
 */ export async function loadTokenCounter(config) {
    if (usesBuiltInModel(config)) await ensureBuiltInModel(config.cacheDir);
    const { AutoTokenizer, env } = await import('@huggingface/transformers');
    env.allowRemoteModels = config.allowRemoteModels;
    env.localModelPath = config.localModelPath;
    env.cacheDir = config.cacheDir;
    const tokenizer = await AutoTokenizer.from_pretrained(config.modelId).catch(async (error)=>{
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        // A missing tokenizer surfaces as a TypeError deep inside transformers.js: say what it means.
        if (!config.allowRemoteModels && !await hasLocalModelFile(config, 'tokenizer.json')) {
            const where = localModelDirs(config).join(' or ');
            throw modelLoadError(config, {
                name: 'ModelFileNotFoundError',
                message: `No tokenizer.json in ${where}.`
            });
        }
        throw modelLoadError(config, {
            name,
            message
        });
    });
    const window = tokenizer.model_max_length;
    if (!Number.isInteger(window) || window > MAX_PLAUSIBLE_WINDOW) throw noWindowError(config.modelId);
    return {
        window,
        count: (text)=>tokenizer.encode(text).length
    };
}

//# sourceMappingURL=token.counter.js.map