import { performance } from 'node:perf_hooks';

import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { LiveEventBus, type LiveServerEvent, LiveSidebands } from '../gpt-live/index.js';
import { GroundingContexts } from './grounding-contexts.js';
import { GroundingLedger } from './grounding-ledger.js';
import { TurnRetrieval } from './turn-retrieval.js';

/** An append carries at most 500 tokens: about 1,800 characters of English. */
export const MAX_LIVE_APPEND_CHARS = 1800;
/** Fewer words than this are not worth a retrieval ("uh", "yes"). */
const MIN_WORDS = 2;
/** Replayed deltas (a sideband reconnect) are recognised by event id among this many. */
const SEEN_KEPT = 512;

interface LiveCallGrounding {
  speaker?: 'user' | 'assistant';
  /** The caller's words since the voice last spoke, and the event id that began them. */
  words: string;
  turnId: string;
  /** What the voice has said since the caller last spoke, and the event id that began it. */
  heard: string;
  heardId: string;
  running: boolean;
  dirty: boolean;
  lastChunks?: string;
  readonly seen: Set<string>;
}

/**
 * Knowledge for GPT-Live calls whose agent profile has `grounding`. Live has no turn events and
 * no response Switchboard could hold back: the caller's words are retrieved for while they speak
 * (one retrieval at a time per call, again with the latest words when more arrived meanwhile),
 * and the snippets go in silently with `session.thinking.append`. That is "not a secrecy
 * boundary": only text the caller may read is ever retrieved. Provenance is recorded as for
 * Realtime, and what the voice said while knowledge stood.
 */
@Injectable()
export class LiveGrounding implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LiveGrounding.name);
  private readonly calls = new Map<string, LiveCallGrounding>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly bus: LiveEventBus,
    private readonly sidebands: LiveSidebands,
    private readonly contexts: GroundingContexts,
    private readonly retrieval: TurnRetrieval,
    private readonly ledger: GroundingLedger,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.on(
        'live.connected',
        ({ callId }) => void this.contexts.of(callId).catch(() => undefined),
      ),
      this.bus.on('live.event', ({ callId, event }) => this.observe(callId, event)),
      this.bus.on('live.closed', ({ callId }) => this.end(callId)),
      this.bus.on('live.lost', ({ callId }) => this.end(callId)),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  withdrawnIn(callId: string): void {
    const state = this.calls.get(callId);
    if (state) state.lastChunks = undefined;
  }

  private observe(callId: string, event: LiveServerEvent): void {
    if (event.type === 'session.closed') return this.end(callId);
    if (
      event.type !== 'session.input_transcript.delta' &&
      event.type !== 'session.output_transcript.delta'
    )
      return;
    const state = this.stateOf(callId);
    // A delta without an id cannot be a known replay: it is taken.
    if (event.event_id && state.seen.has(event.event_id)) return;
    if (event.event_id) state.seen.add(event.event_id);
    if (state.seen.size > SEEN_KEPT) state.seen.delete(state.seen.values().next().value as string);
    if (event.type === 'session.output_transcript.delta') {
      if (state.speaker !== 'assistant')
        Object.assign(state, { heard: '', heardId: event.event_id });
      state.speaker = 'assistant';
      state.heard += event.delta ?? '';
      return;
    }
    if (state.speaker !== 'user') {
      this.flushAnswer(callId, state);
      Object.assign(state, { words: '', turnId: event.event_id });
    }
    state.speaker = 'user';
    state.words += event.delta ?? '';
    void this.ground(callId, state);
  }

  /** One retrieval at a time; words that arrive meanwhile are retrieved for when it is done. */
  private async ground(callId: string, state: LiveCallGrounding): Promise<void> {
    if (state.running) {
      state.dirty = true;
      return;
    }
    // Taken before the first await: every delta of a burst finds it taken.
    state.running = true;
    try {
      const context = await this.contexts.of(callId).catch(() => undefined);
      if (!context) return;
      do {
        state.dirty = false;
        const words = state.words.trim();
        if (words.split(/\s+/).length < MIN_WORDS) continue;
        const startedAt = performance.now();
        const { block, outcome } = await this.retrieval.retrieve(
          context,
          words,
          MAX_LIVE_APPEND_CHARS,
        );
        const chunks = block?.chunks.map((c) => c.chunkId).join(',');
        if (!block || chunks === state.lastChunks) {
          this.retrieval.observe(
            'live',
            'as_spoken',
            block ? 'same_as_before' : outcome,
            startedAt,
          );
          continue;
        }
        const sent = this.sidebands.send(callId, {
          type: 'session.thinking.append',
          content: block.text,
          // Responses delegation accepts only a null delegation id.
          delegation_id: null,
        });
        this.retrieval.observe('live', 'as_spoken', sent ? 'given' : 'failed', startedAt);
        if (!sent) continue;
        state.lastChunks = chunks;
        await this.ledger.given({
          sessionId: context.session.id,
          callId,
          kind: 'injection',
          mode: 'live',
          turnId: state.turnId,
          itemId: null,
          queryText: words,
          block,
        });
      } while (state.dirty);
    } catch (error) {
      this.logger.error({ callId, err: (error as Error).message }, 'Grounding a Live turn failed');
    } finally {
      state.running = false;
    }
  }

  /** What the voice said, recorded while knowledge stands in the call. */
  private flushAnswer(callId: string, state: LiveCallGrounding): void {
    const heard = state.heard.trim();
    const responseId = state.heardId;
    state.heard = '';
    if (!heard) return;
    void (async () => {
      const context = await this.contexts.of(callId);
      if (!context) return;
      const groundingIds = await this.ledger.standingIds(callId);
      if (groundingIds.length > 0)
        await this.ledger.answered(context.session.id, { responseId, heard, groundingIds });
    })().catch((error: unknown) =>
      this.logger.error(
        { callId, err: (error as Error).message },
        'Recording a grounded answer failed',
      ),
    );
  }

  private end(callId: string): void {
    const state = this.calls.get(callId);
    if (state) this.flushAnswer(callId, state);
    this.calls.delete(callId);
    this.contexts.forget(callId);
  }

  private stateOf(callId: string): LiveCallGrounding {
    let state = this.calls.get(callId);
    if (!state) {
      state = {
        words: '',
        turnId: '',
        heard: '',
        heardId: '',
        running: false,
        dirty: false,
        seen: new Set(),
      };
      this.calls.set(callId, state);
    }
    return state;
  }
}
