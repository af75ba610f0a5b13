import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import {
  BUILT_IN_MODEL_ID,
  ensureBuiltInModel,
  loadTokenCounter,
  resolveEmbeddingModelConfig,
  WorkerEmbedder,
  type EmbeddingModelConfig,
} from '../../knowledge/embedding/index.js';
import type { TokenCounter } from '../../knowledge/index.js';

/** The built-in model's vector size, known without loading it (the migration's index uses it). */
const BUILT_IN_DIMENSION = 384;

/**
 * What an embedder is for. Searches get their own worker thread: one worker answers in order, and
 * a query (a few milliseconds) queued behind an ingestion batch (16 passages, ~250 ms) would
 * miss a voice turn's budget.
 */
export type EmbedderUse = 'ingestion' | 'queries';

/**
 * One embedder per model id and use (each a worker thread, loaded on first use, ~100 MB) and one
 * tokenizer per model id, for this process. Normally that is one model; during a model change a
 * replica holds the old one (for queries) and the new one (for re-embedding) until the switch.
 */
@Injectable()
export class KnowledgeEmbedders {
  private readonly embedders = new Map<string, WorkerEmbedder>();
  private readonly counters = new Map<string, Promise<TokenCounter>>();

  constructor(private readonly config: AppConfig) {}

  embedder(modelId: string, use: EmbedderUse = 'ingestion'): WorkerEmbedder {
    const key = `${use}\u0000${modelId}`;
    let embedder = this.embedders.get(key);
    if (!embedder) {
      embedder = new WorkerEmbedder(this.modelConfig(modelId));
      this.embedders.set(key, embedder);
    }
    return embedder;
  }

  tokenCounter(modelId: string): Promise<TokenCounter> {
    let counter = this.counters.get(modelId);
    if (!counter) {
      counter = loadTokenCounter(this.modelConfig(modelId));
      counter.catch(() => this.counters.delete(modelId));
      this.counters.set(modelId, counter);
    }
    return counter;
  }

  /**
   * Makes the model's files ready and returns its vector size: the built-in model is converted
   * into the cache on first use (before the app listens, so no request waits for it); other
   * models are loaded once to learn their size.
   */
  async prepare(modelId: string): Promise<number> {
    if (modelId !== BUILT_IN_MODEL_ID) return (await this.embedder(modelId).ready()).dimension;
    await ensureBuiltInModel(this.modelConfig(modelId).cacheDir);
    return BUILT_IN_DIMENSION;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.embedders.values()].map((e) => e.close()));
    this.embedders.clear();
  }

  private modelConfig(modelId: string): EmbeddingModelConfig {
    const k = this.config.knowledge;
    return resolveEmbeddingModelConfig({
      modelId,
      cacheDir: k.modelCacheDir,
      dtype: k.modelDtype,
      allowRemoteModels: k.allowRemoteModels,
    });
  }
}
