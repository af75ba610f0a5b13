import { performance } from 'node:perf_hooks';

import { Injectable, Logger } from '@nestjs/common';
import { Histogram } from 'prom-client';

import { KnowledgeSearch } from '../knowledge/index.js';
import { MetricsRegistry } from '../metrics/index.js';
import type { GroundingContext } from './grounding-contexts.js';
import { type KnowledgeBlock, knowledgeBlock } from './knowledge-block.js';

/** How a grounding attempt ended (a metric label). */
export type GroundingOutcome =
  'given' | 'nothing_found' | 'same_as_before' | 'late' | 'no_transcript' | 'failed';

export interface Retrieved {
  /** Undefined when nothing came back in time, or nothing was found. */
  readonly block?: KnowledgeBlock;
  readonly outcome: GroundingOutcome;
  /** Still running when the deadline passed: what it finds, for the turns after this one. */
  readonly late?: Promise<KnowledgeBlock | undefined>;
}

/**
 * One retrieval for a live call's turn, as the caller, bounded by a deadline: a turn never waits
 * longer than its budget for knowledge. What each attempt cost and how it ended is exported as
 * histograms (`switchboard_grounding_seconds`, `switchboard_grounding_transcript_wait_seconds`).
 */
@Injectable()
export class TurnRetrieval {
  private readonly logger = new Logger(TurnRetrieval.name);
  private readonly seconds: Histogram<'api' | 'mode' | 'outcome'>;
  private readonly transcriptWait: Histogram<'mode'>;

  constructor(
    private readonly search: KnowledgeSearch,
    metrics: MetricsRegistry,
  ) {
    const buckets = [0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    this.seconds = new Histogram({
      name: 'switchboard_grounding_seconds',
      help: 'What grounding added to a live turn (transcript wait and retrieval), by outcome',
      labelNames: ['api', 'mode', 'outcome'],
      buckets,
      registers: [metrics],
    });
    this.transcriptWait = new Histogram({
      name: 'switchboard_grounding_transcript_wait_seconds',
      help: "How long a grounded Realtime turn waited for the caller's transcript",
      labelNames: ['mode'],
      buckets,
      registers: [metrics],
    });
  }

  /** Retrieves for `text` until `deadline` (a `performance.now()` time). */
  async retrieve(
    context: GroundingContext,
    text: string,
    maxChars: number,
    deadline = Number.POSITIVE_INFINITY,
  ): Promise<Retrieved> {
    const found = this.search
      .search(context.principal, text, context.snippets)
      .then(({ hits }) => (hits.length > 0 ? knowledgeBlock(hits, { maxChars }) : undefined));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'late'>((resolve) => {
      const wait = deadline - performance.now();
      if (Number.isFinite(wait)) timer = setTimeout(() => resolve('late'), Math.max(0, wait));
    });
    try {
      const result = await Promise.race([found, timedOut]);
      if (result === 'late') {
        // It goes on: its result can still ground the turns after this one.
        const late = found.catch(() => undefined);
        return { outcome: 'late', late };
      }
      return result ? { block: result, outcome: 'given' } : { outcome: 'nothing_found' };
    } catch (error) {
      this.logger.warn(
        { callId: context.session.callId, err: (error as Error).message },
        'Knowledge retrieval for a live turn failed; answered without',
      );
      return { outcome: 'failed' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records what grounding added to a turn, from `startedAt` (a `performance.now()` time). */
  observe(api: 'realtime' | 'live', mode: string, outcome: GroundingOutcome, startedAt: number) {
    this.seconds.observe({ api, mode, outcome }, (performance.now() - startedAt) / 1000);
    if (outcome === 'late' || outcome === 'no_transcript')
      this.logger.warn(
        { api, mode, outcome },
        'Grounding missed its budget; the turn was answered without',
      );
  }

  observeTranscriptWait(mode: string, waitedMs: number): void {
    this.transcriptWait.observe({ mode }, waitedMs / 1000);
  }
}
