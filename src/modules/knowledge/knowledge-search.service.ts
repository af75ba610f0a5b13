import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { Principal } from '../../common/auth/principal.js';
import { AppConfig } from '../../config/app-config.js';
import { EmbeddingError } from '../../knowledge/embedding/index.js';
import { hybridScore, topByScore } from '../../knowledge/index.js';
import { KnowledgeAccess } from './knowledge-access.policy.js';
import {
  KnowledgeChunksRepository,
  type ChunkCandidate,
  type ModelScope,
} from './knowledge-chunks.repository.js';
import { KnowledgeClock } from './knowledge-clock.js';
import { KnowledgeModels } from './knowledge-models.js';
import { KnowledgeScopeSizes } from './knowledge-scope-sizes.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';
import { EmbeddingModelUnavailableError, KnowledgeQueryInvalidError } from './knowledge.errors.js';

/** One search result with what a caller needs to cite it. */
export interface KnowledgeHit {
  /** The chunk's id: what provenance records name. */
  readonly chunkId: string;
  readonly text: string;
  readonly score: number;
  readonly citation: {
    readonly sourceId: string;
    readonly documentId: string;
    readonly version: number;
    readonly title: string;
    readonly headingPath: string[];
    readonly page: number | null;
    readonly updatedAt: Date;
    /** Only where the source lets review-overdue text through. */
    readonly reviewOverdue: boolean;
  };
}

/** How many candidates each arm contributes, per result asked for (and at least). */
const CANDIDATES_PER_RESULT = 4;
const MIN_CANDIDATES = 40;

/**
 * Hybrid retrieval over what the caller may read and what is fresh now. The readable sources
 * come from `KnowledgeAccess` (the principal, never a parameter); the freshness rule is applied in
 * SQL by both arms; both arms and the citations are read in one REPEATABLE READ snapshot, so a
 * version being published meanwhile is seen wholly old or wholly new.
 *
 * Latency (a voice turn waits for it): the query is embedded on the worker thread while the
 * database reads the text arm, and each arm returns its rows' texts and citations, so a search
 * is the embedding or the text arm, whichever is slower, then the vector arm
 * (`bench/retrieval.bench.ts` measures each stage).
 */
@Injectable()
export class KnowledgeSearch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sources: KnowledgeSourcesRepository,
    private readonly chunks: KnowledgeChunksRepository,
    private readonly models: KnowledgeModels,
    private readonly clock: KnowledgeClock,
    private readonly scopeSizes: KnowledgeScopeSizes,
  ) {}

  async search(principal: Principal, query: string, k: number): Promise<{ hits: KnowledgeHit[] }> {
    const text = query.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!text) throw new KnowledgeQueryInvalidError('q is empty; send the words to look for.');
    const sourceIds = await this.sources.ids(KnowledgeAccess.of(principal).readableSources());
    if (sourceIds.length === 0) return { hits: [] };
    let model = await this.models.active();
    // A model change may complete between embedding the query and reading the chunks: the
    // snapshot names the model it holds vectors of, and the query is embedded again for it.
    for (let attempt = 0; model && attempt < 3; attempt++) {
      const vector = this.embedQuery(model.modelId, text);
      // Awaited in the snapshot; a failure before then must not surface as an unhandled rejection.
      vector.catch(() => undefined);
      const outcome = await this.inSnapshot(model, { vector, text, sourceIds }, k);
      if (outcome.hits) return { hits: outcome.hits };
      model = outcome.activeModel;
    }
    return { hits: [] };
  }

  private inSnapshot(
    model: ModelScope,
    q: { vector: Promise<Float32Array>; text: string; sourceIds: string[] },
    k: number,
  ): Promise<{ hits?: KnowledgeHit[]; activeModel?: ModelScope }> {
    const now = this.clock.now();
    const n = Math.max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES);
    const { exactScanBelow, efSearch } = this.config.knowledge;
    const exact = this.scopeSizes.atMost(model, q.sourceIds, exactScanBelow);
    exact.catch(() => undefined);
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const activeModel = await this.models.active(tx);
      if (activeModel?.modelId !== model.modelId) return { activeModel };
      const scope = { model, sourceIds: q.sourceIds, now };
      const matching = await this.chunks.matching({ ...scope, text: q.text }, n, tx);
      const nearest = await this.chunks.nearest(
        { ...scope, vector: await q.vector },
        n,
        { exact: await exact, efSearch },
        tx,
      );
      return { hits: fuse(nearest, matching, k).map((r) => toHit(r.candidate, r.score)) };
    });
  }

  private async embedQuery(modelId: string, text: string): Promise<Float32Array> {
    try {
      return (await this.models.embedder(modelId, 'queries').embed([text]))[0];
    } catch (error) {
      if (error instanceof EmbeddingError) throw new EmbeddingModelUnavailableError(modelId);
      throw error;
    }
  }
}

function fuse(nearest: readonly ChunkCandidate[], matching: readonly ChunkCandidate[], k: number) {
  const facts = new Map<
    string,
    { candidate: ChunkCandidate; vectorRank?: number; textRank?: number }
  >();
  nearest.forEach((c, i) => facts.set(c.id, { candidate: c, vectorRank: i + 1 }));
  matching.forEach((c, i) => {
    const known = facts.get(c.id);
    facts.set(c.id, { ...(known ?? { candidate: c }), textRank: i + 1 });
  });
  const scored = [...facts.values()].map(({ candidate, vectorRank, textRank }) => ({
    id: candidate.id,
    candidate,
    score: hybridScore({
      vectorRank,
      textRank,
      trustTier: candidate.trust_tier,
      ageDays: Number(candidate.age_days),
      halfLifeDays: candidate.recency_half_life_days,
    }),
  }));
  return topByScore(scored, k);
}

function toHit(d: ChunkCandidate, score: number): KnowledgeHit {
  return {
    chunkId: d.id,
    text: d.text,
    score: Math.round(score * 1e6) / 1e6,
    citation: {
      sourceId: d.source_id,
      documentId: d.document_id,
      version: d.version,
      title: d.title,
      headingPath: d.heading_path,
      page: d.page,
      updatedAt: d.updated_at,
      reviewOverdue: d.review_overdue,
    },
  };
}
