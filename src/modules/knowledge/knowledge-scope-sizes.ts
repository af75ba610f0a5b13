import { Injectable } from '@nestjs/common';

import { KnowledgeChunksRepository, type ModelScope } from './knowledge-chunks.repository.js';

/** How old the per-source counts may be before a search refreshes them (in the background). */
const REFRESH_AFTER_MS = 30_000;

interface Counts {
  readonly at: number;
  readonly bySource: Map<string, number>;
}

/**
 * How many chunks the caller's sources hold, for one decision only: an exact scan (small scopes,
 * where a filtered HNSW walk would find too few) or the HNSW index. Counting on every search cost
 * up to 7 ms at 100k chunks (a caller reading 10 %), so the counts per source are kept for 30 s
 * and refreshed behind the searches that use them. A stale count can only pick the slower or the
 * less exhaustive path for a while; what a search may return is decided by its own SQL.
 */
@Injectable()
export class KnowledgeScopeSizes {
  private readonly counts = new Map<string, Counts>();
  private readonly refreshing = new Map<string, Promise<Counts>>();

  constructor(private readonly chunks: KnowledgeChunksRepository) {}

  /** Monotonic milliseconds (a unit test moves it). */
  protected now(): number {
    return performance.now();
  }

  /** Whether `sourceIds` hold at most `bound` chunks of `model`. */
  async atMost(model: ModelScope, sourceIds: readonly string[], bound: number): Promise<boolean> {
    const known = this.counts.get(model.modelId);
    const counts =
      known && this.now() - known.at < REFRESH_AFTER_MS
        ? known
        : known
          ? (void this.refresh(model).catch(() => undefined), known)
          : await this.refresh(model);
    let total = 0;
    for (const id of sourceIds) total += counts.bySource.get(id) ?? 0;
    return total <= bound;
  }

  /** One count per model at a time, however many searches find the counts stale. */
  private refresh(model: ModelScope): Promise<Counts> {
    let pending = this.refreshing.get(model.modelId);
    if (!pending) {
      pending = this.chunks
        .countBySource(model)
        .then((bySource) => {
          const counts = { at: this.now(), bySource };
          this.counts.set(model.modelId, counts);
          return counts;
        })
        .finally(() => this.refreshing.delete(model.modelId));
      this.refreshing.set(model.modelId, pending);
    }
    return pending;
  }
}
