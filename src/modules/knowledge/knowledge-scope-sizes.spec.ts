import type { KnowledgeChunksRepository, ModelScope } from './knowledge-chunks.repository.js';
import { KnowledgeScopeSizes } from './knowledge-scope-sizes.js';

const MODEL: ModelScope = { modelId: 'Xenova/all-MiniLM-L6-v2', dimension: 384 };

class ScopeSizesAt extends KnowledgeScopeSizes {
  clock = 0;
  protected override now(): number {
    return this.clock;
  }
}

/** A repository whose counts the test sets, counting how often it was asked. */
function fakeChunks(initial: Record<string, number>) {
  const state = { counts: initial, calls: 0, gate: Promise.resolve() };
  const repository = {
    countBySource: async () => {
      state.calls += 1;
      const snapshot = new Map(Object.entries(state.counts));
      await state.gate;
      return snapshot;
    },
  } as unknown as KnowledgeChunksRepository;
  return { state, repository };
}

describe('KnowledgeScopeSizes', () => {
  it('sums the caller\u2019s sources only and compares with the bound', async () => {
    const { repository } = fakeChunks({ a: 2000, b: 1500, c: 10 });
    const sizes = new ScopeSizesAt(repository);
    expect(await sizes.atMost(MODEL, ['a'], 3000)).toBe(true);
    expect(await sizes.atMost(MODEL, ['a', 'b'], 3000)).toBe(false);
    expect(await sizes.atMost(MODEL, ['a', 'b'], 3500)).toBe(true);
    expect(await sizes.atMost(MODEL, ['c', 'unknown'], 10)).toBe(true);
    expect(await sizes.atMost(MODEL, ['c'], 9)).toBe(false);
  });

  it('counts once per 30 s, then answers from the old counts while it counts again', async () => {
    const { state, repository } = fakeChunks({ a: 100 });
    const sizes = new ScopeSizesAt(repository);
    expect(await sizes.atMost(MODEL, ['a'], 100)).toBe(true);
    state.counts = { a: 5000 };
    sizes.clock = 29_999;
    expect(await sizes.atMost(MODEL, ['a'], 100)).toBe(true);
    expect(state.calls).toBe(1);

    sizes.clock = 30_000;
    let open!: () => void;
    state.gate = new Promise<void>((resolve) => (open = resolve));
    // Stale: this search does not wait for the new count, and a second one does not count again.
    expect(await sizes.atMost(MODEL, ['a'], 100)).toBe(true);
    expect(await sizes.atMost(MODEL, ['a'], 100)).toBe(true);
    expect(state.calls).toBe(2);
    open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await sizes.atMost(MODEL, ['a'], 100)).toBe(false);
    expect(state.calls).toBe(2);
  });

  it('waits for the first count, and a failed count is tried again by the next search', async () => {
    const state = { calls: 0 };
    const failing = {
      countBySource: async () => {
        state.calls += 1;
        if (state.calls === 1) throw new Error('connection reset');
        return new Map([['a', 1]]);
      },
    } as unknown as KnowledgeChunksRepository;
    const sizes = new ScopeSizesAt(failing);
    await expect(sizes.atMost(MODEL, ['a'], 0)).rejects.toThrow('connection reset');
    expect(await sizes.atMost(MODEL, ['a'], 0)).toBe(false);
    expect(state.calls).toBe(2);
  });
});
