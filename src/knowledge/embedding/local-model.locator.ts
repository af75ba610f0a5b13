import { access } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import { type EmbeddingModelConfig } from './embedding-model.config.js';

/**
 * The directories transformers.js reads a model from without downloading, in its own order: a
 * path is used as it is; an id is looked up in the file cache, then under `localModelPath`.
 */
export function localModelDirs(
  config: Pick<EmbeddingModelConfig, 'modelId' | 'localModelPath' | 'cacheDir'>,
): string[] {
  const { modelId, localModelPath, cacheDir } = config;
  if (isAbsolute(modelId) || modelId.startsWith('.')) return [modelId];
  return [...new Set([join(cacheDir, modelId), join(localModelPath, modelId)])];
}

/** Whether `file` (e.g. `tokenizer.json`) of the model exists in one of its local directories. */
export async function hasLocalModelFile(
  config: Pick<EmbeddingModelConfig, 'modelId' | 'localModelPath' | 'cacheDir'>,
  file: string,
): Promise<boolean> {
  for (const dir of localModelDirs(config)) {
    if (
      await access(join(dir, file)).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
}
