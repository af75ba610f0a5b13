import { access } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
/**
 * The directories transformers.js reads a model from without downloading, in its own order: a
 * path is used as it is; an id is looked up in the file cache, then under `localModelPath`.
 */ export function localModelDirs(config) {
    const { modelId, localModelPath, cacheDir } = config;
    if (isAbsolute(modelId) || modelId.startsWith('.')) return [
        modelId
    ];
    return [
        ...new Set([
            join(cacheDir, modelId),
            join(localModelPath, modelId)
        ])
    ];
}
/** Whether `file` (e.g. `tokenizer.json`) of the model exists in one of its local directories. */ export async function hasLocalModelFile(config, file) {
    for (const dir of localModelDirs(config)){
        if (await access(join(dir, file)).then(()=>true, ()=>false)) return true;
    }
    return false;
}

//# sourceMappingURL=local-model.locator.js.map