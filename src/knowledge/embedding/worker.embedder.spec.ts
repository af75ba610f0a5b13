import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

import { EmbeddingError } from './embedding.errors.js';
import { resolveEmbeddingModelConfig } from './embedding-model.config.js';
import { WorkerEmbedder } from './worker.embedder.js';

const cacheDir = join(tmpdir(), 'switchboard-test-models');

const WORDS =
  'the agent escalates billing questions to a human operator when refunds exceed limits'.split(' ');
function passage(seed: number): string {
  return Array.from({ length: 180 }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]).join(' ');
}

// Speaks the protocol with 3-dim vectors, and dies on the text "crash".
const FAKE_WORKER = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.type === 'load') return parentPort.postMessage({ type: 'loaded', id: m.id, dimension: 3, threadId });
  if (m.texts.includes('crash')) process.exit(7);
  const vectors = new Float32Array(m.texts.flatMap(() => [1, 0, 0])).buffer;
  parentPort.postMessage({ type: 'embedded', id: m.id, dimension: 3, vectors }, [vectors]);
});
`;

describe(WorkerEmbedder.name, () => {
  it('runs the model off the main thread: the event loop keeps ticking during a big batch', async () => {
    const sut = new WorkerEmbedder(resolveEmbeddingModelConfig({ cacheDir }));
    try {
      const { threadId: workerThread, dimension } = await sut.ready();
      expect(workerThread).not.toBe(threadId);
      expect(dimension).toBe(384);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const vectors = await sut.embed(Array.from({ length: 48 }, (_, i) => passage(i)));
      clearInterval(timer);
      expect(vectors).toHaveLength(48);
      expect(ticks).toBeGreaterThanOrEqual(10);
    } finally {
      await sut.close();
    }
  });

  it('rejects a misconfigured model id with a clear error, every time, without hanging', async () => {
    const sut = new WorkerEmbedder(
      resolveEmbeddingModelConfig({ cacheDir, modelId: 'nobody/no-such-model' }),
    );
    try {
      await expect(sut.embed(['hello'])).rejects.toMatchObject({ code: 'model_not_found' });
      await expect(sut.ready()).rejects.toThrow(
        /"nobody\/no-such-model".*not found.*remote models are off \(allowRemoteModels: false\)/,
      );
      expect(() => sut.dimension).toThrow(EmbeddingError);
    } finally {
      await sut.close();
    }
  });

  describe('with a worker that crashes', () => {
    let dir: string;
    let workerUrl: URL;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'fake-embed-worker-'));
      await writeFile(join(dir, 'fake.worker.mjs'), FAKE_WORKER);
      workerUrl = pathToFileURL(join(dir, 'fake.worker.mjs'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    const config = resolveEmbeddingModelConfig({ cacheDir, modelId: 'fake/model', batchSize: 2 });

    it('splits into batches and keeps the order', async () => {
      const sut = new WorkerEmbedder(config, { workerUrl });
      const vectors = await sut.embed(['a', 'b', 'c', 'd', 'e']);
      expect(vectors.map((v) => Array.from(v))).toEqual(Array(5).fill([1, 0, 0]));
      expect(await sut.embed([])).toEqual([]);
      await sut.close();
    });

    it('rejects every pending call when the worker dies, and the next call starts a new worker', async () => {
      const sut = new WorkerEmbedder(config, { workerUrl });
      const crash = sut.embed(['crash']);
      const pending = sut.embed(['queued']);
      await expect(crash).rejects.toMatchObject({ code: 'worker_crashed' });
      await expect(pending).rejects.toThrow(/stopped \(exit code 7\)/);
      await expect(sut.embed(['after'])).resolves.toHaveLength(1);
      await sut.close();
    });

    it('is final once closed', async () => {
      const sut = new WorkerEmbedder(config, { workerUrl });
      await sut.ready();
      await sut.close();
      await expect(sut.embed(['x'])).rejects.toMatchObject({ code: 'closed' });
    });
  });
});
