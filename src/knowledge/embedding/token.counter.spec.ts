import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmbeddingError } from './embedding.errors.js';
import { resolveEmbeddingModelConfig } from './embedding-model.config.js';
import { loadTokenCounter } from './token.counter.js';

const cacheDir = join(tmpdir(), 'switchboard-test-models');

describe(loadTokenCounter.name, () => {
  it('counts [CLS] and [SEP] and reports the 256-token window of the built-in model', async () => {
    const counter = await loadTokenCounter(resolveEmbeddingModelConfig({ cacheDir }));
    expect(counter.window).toBe(256);
    expect(counter.count('')).toBe(2);
    expect(counter.count('hello world')).toBe(4);
    // WordPiece splits the unknown word; lower-casing makes case irrelevant.
    expect(counter.count('Tokenization')).toBe(counter.count('tokenization'));
    expect(counter.count('tokenization')).toBeGreaterThan(3);
    // Counting never truncates, so an over-long text reads as over the window.
    expect(counter.count('word '.repeat(600))).toBe(602);
  });

  it('names the model and the directories when the model is missing', async () => {
    const config = resolveEmbeddingModelConfig({ cacheDir, modelId: 'nobody/no-such-model' });
    const failure = loadTokenCounter(config);
    await expect(failure).rejects.toBeInstanceOf(EmbeddingError);
    await expect(failure).rejects.toMatchObject({ code: 'model_not_found' });
    await expect(failure).rejects.toThrow(/"nobody\/no-such-model".*remote models are off/);
  });
});
