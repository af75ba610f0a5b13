import { resolve } from 'node:path';

import { resolveEmbeddingModelConfig } from './embedding-model.config.js';

describe(resolveEmbeddingModelConfig.name, () => {
  it('defaults to the built-in MiniLM, q8, no downloads, batches of 16, absolute dirs', () => {
    expect(resolveEmbeddingModelConfig()).toEqual({
      modelId: 'Xenova/all-MiniLM-L6-v2',
      cacheDir: resolve('data/models'),
      localModelPath: resolve('data/models'),
      dtype: 'q8',
      allowRemoteModels: false,
      batchSize: 16,
    });
  });

  it('keeps a separate localModelPath when one is given', () => {
    const config = resolveEmbeddingModelConfig({ cacheDir: '/c', localModelPath: '/models' });
    expect(config).toMatchObject({ cacheDir: '/c', localModelPath: '/models' });
  });

  it('rejects a bad batch size, an empty id, and a dtype the built-in model does not have', () => {
    expect(() => resolveEmbeddingModelConfig({ batchSize: 0 })).toThrow(/batchSize/);
    expect(() => resolveEmbeddingModelConfig({ modelId: ' ' })).toThrow(/modelId/);
    expect(() => resolveEmbeddingModelConfig({ dtype: 'q4' })).toThrow(/fp32 or q8, not q4/);
    expect(resolveEmbeddingModelConfig({ modelId: 'org/other', dtype: 'q4' }).dtype).toBe('q4');
  });
});
