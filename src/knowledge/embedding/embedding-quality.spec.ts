import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BUILT_IN_MODEL_ID, resolveEmbeddingModelConfig } from './embedding-model.config.js';
import { WorkerEmbedder } from './worker.embedder.js';

const cacheDir = join(tmpdir(), 'switchboard-test-models');

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

const TEXTS = [
  'This is an example sentence',
  'How do I reset my password?',
  'I forgot my login credentials and need new ones.',
  'The weather in Paris is sunny today.',
  'Refunds are issued to the original payment method within five business days.',
];

describe('the built-in all-MiniLM-L6-v2 graphs', () => {
  const fp32 = new WorkerEmbedder(resolveEmbeddingModelConfig({ cacheDir, dtype: 'fp32' }));
  const q8 = new WorkerEmbedder(resolveEmbeddingModelConfig({ cacheDir }));
  afterAll(() => Promise.all([fp32.close(), q8.close()]));

  it('fp32 reproduces the published sentence-transformers vector', async () => {
    const [vector] = await fp32.embed(['This is an example sentence']);
    expect(fp32.dimension).toBe(384);
    expect(vector).toHaveLength(384);
    expect(vector![0]).toBeCloseTo(0.0677, 3);
    expect(vector![1]).toBeCloseTo(0.0636, 3);
    expect(vector![2]).toBeCloseTo(0.0487, 3);
    expect(cosine(vector!, vector!)).toBeCloseTo(1, 5);
  });

  it('q8 stays within cosine 0.98 of fp32', async () => {
    const [exact, quantized] = await Promise.all([fp32.embed(TEXTS), q8.embed(TEXTS)]);
    TEXTS.forEach((_, i) => expect(cosine(exact[i]!, quantized[i]!)).toBeGreaterThanOrEqual(0.98));
  });

  it('scores similar pairs above unrelated ones', async () => {
    const [, password, credentials, weather, refunds] = await q8.embed(TEXTS);
    const similar = cosine(password!, credentials!);
    expect(similar).toBeGreaterThan(0.5);
    expect(similar).toBeGreaterThan(cosine(password!, weather!) + 0.3);
    expect(similar).toBeGreaterThan(cosine(password!, refunds!) + 0.3);
  });

  it.each([
    ['fp32', fp32],
    ['q8', q8],
  ])('%s: texts padded together in one batch embed as each does alone', async (_, embedder) => {
    const together = await embedder.embed(TEXTS);
    for (const [i, text] of TEXTS.entries()) {
      const [alone] = await embedder.embed([text]);
      expect(cosine(alone!, together[i]!)).toBeGreaterThan(0.9999);
    }
  });

  it('loads the same model from a local directory through the normal transformers.js path', async () => {
    const byPath = new WorkerEmbedder(
      resolveEmbeddingModelConfig({ cacheDir, modelId: join(cacheDir, BUILT_IN_MODEL_ID) }),
    );
    try {
      const [[fromPath], [builtIn]] = await Promise.all([
        byPath.embed([TEXTS[1]!]),
        q8.embed([TEXTS[1]!]),
      ]);
      expect(cosine(fromPath!, builtIn!)).toBeGreaterThan(0.9999);
    } finally {
      await byPath.close();
    }
  });
});
