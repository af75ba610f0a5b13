import { performance } from 'node:perf_hooks';

import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { GovernedCalls, type PreparedTurn, ServerResponses } from '../live-calls/index.js';
import {
  RealtimeEventBus,
  type RealtimeServerEvent,
  type ServerEventOf,
  SidebandConnections,
  SidebandTags,
} from '../realtime/index.js';
import { type GroundingContext, GroundingContexts } from './grounding-contexts.js';
import { GroundingLedger } from './grounding-ledger.js';
import type { KnowledgeBlock } from './knowledge-block.js';
import { TurnRetrieval } from './turn-retrieval.js';
import { TurnTranscripts } from './turn-transcripts.js';

/** A Realtime system item has no tight limit; a few snippets of 256 word pieces fit easily. */
const MAX_BLOCK_CHARS = 6000;
/** In `partial` mode, the part of the budget kept for retrieval after the transcript wait. */
const PARTIAL_RETRIEVAL_SHARE = 0.5;

interface CallGrounding {
  readonly transcripts: TurnTranscripts;
  /** Turns answered without grounding (their transcript was late): grounded when it arrives. */
  readonly missed: Set<string>;
  /** The chunk ids of the last block given, so the same knowledge is not given twice in a row. */
  lastChunks?: string;
}

type Item = Record<string, unknown>;

/**
 * Knowledge for Realtime calls whose agent profile has `grounding`: the caller's words of each
 * turn are retrieved for, as the caller, and the snippets go in as a tagged system message. In
 * `transcript` and `partial` mode the turn's response (started by `ServerResponses`) waits for
 * them within the budget; in `next_turn` mode they go in as soon as the transcript arrives, for
 * the responses after it. Every block given is recorded with its provenance (`GroundingLedger`);
 * what the caller heard from each response is recorded by `RealtimeAnswers`.
 */
@Injectable()
export class RealtimeGrounding implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeGrounding.name);
  private readonly calls = new Map<string, CallGrounding>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly bus: RealtimeEventBus,
    private readonly responses: ServerResponses,
    private readonly governed: GovernedCalls,
    private readonly sidebands: SidebandConnections,
    private readonly tags: SidebandTags,
    private readonly contexts: GroundingContexts,
    private readonly retrieval: TurnRetrieval,
    private readonly ledger: GroundingLedger,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.responses.prepareTurnsWith((callId, itemId) => this.prepare(callId, itemId)),
      this.bus.on(
        'sideband.connected',
        ({ callId }) => void this.contexts.of(callId).catch(() => undefined),
      ),
      this.bus.on('sideband.event', ({ callId, event }) => this.observe(callId, event)),
      this.bus.on('sideband.closed', ({ callId }) => this.forget(callId)),
      this.bus.on('sideband.lost', ({ callId }) => this.forget(callId)),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  /** Text given earlier was withdrawn: the same chunks may be given again if they come back. */
  withdrawnIn(callId: string): void {
    const call = this.calls.get(callId);
    if (call) call.lastChunks = undefined;
  }

  private observe(callId: string, event: RealtimeServerEvent): void {
    const itemId = (event as { item_id?: unknown }).item_id;
    switch (event.type) {
      case 'conversation.item.added':
        return this.userItem(callId, event);
      case 'conversation.item.input_audio_transcription.delta':
        return this.stateOf(callId).transcripts.delta(String(itemId), String(event.delta ?? ''));
      case 'conversation.item.input_audio_transcription.completed':
        this.stateOf(callId).transcripts.completed(String(itemId), String(event.transcript ?? ''));
        return void this.transcribed(callId, String(itemId));
      case 'conversation.item.input_audio_transcription.failed':
        // The deltas that came are all the words there will be.
        this.stateOf(callId).transcripts.completed(String(itemId), undefined);
        return void this.transcribed(callId, String(itemId));
    }
  }

  /** A typed turn's words are known at once. */
  private userItem(callId: string, { item }: ServerEventOf<'conversation.item.added'>): void {
    if (item?.type !== 'message' || item.role !== 'user' || !item.id) return;
    const text = (item.content ?? [])
      .filter((part) => part.type === 'input_text')
      .map((part) => part.text ?? '')
      .join(' ');
    if (!text.trim()) return;
    this.stateOf(callId).transcripts.typed(item.id, text);
    // Where the model starts its own responses nothing waits: grounded as soon as it can be.
    if (this.governed.get(callId)?.responseStart !== 'server')
      void this.groundLater(callId, item.id);
  }

  /**
   * `ServerResponses` asks before answering a turn: the items to add first, within the budget.
   * `next_turn` grounds only typed turns here (their words are known); spoken ones later.
   */
  private async prepare(callId: string, itemId: string): Promise<PreparedTurn> {
    const nothing = { items: [] };
    const startedAt = performance.now();
    // Taken now, while the call is live; each await below may outlive it.
    const state = this.stateOf(callId);
    const context = await this.contexts.of(callId);
    if (!context || !this.isLive(callId, state)) return nothing;
    const deadline = startedAt + context.budgetMs;
    if (!state.transcripts.current(itemId).typed) {
      if (context.mode === 'next_turn') return nothing;
      const waitMs =
        context.mode === 'partial'
          ? context.budgetMs * (1 - PARTIAL_RETRIEVAL_SHARE)
          : context.budgetMs;
      await state.transcripts.complete(itemId, waitMs - (performance.now() - startedAt));
      this.retrieval.observeTranscriptWait(context.mode, performance.now() - startedAt);
    }
    const words = state.transcripts.current(itemId);
    if (!words.text || (context.mode === 'transcript' && !words.done)) {
      this.retrieval.observe('realtime', context.mode, 'no_transcript', startedAt);
      // Its words still ground the turns after it, once they arrive.
      if (!words.done) state.missed.add(itemId);
      return nothing;
    }
    const retrieved = await this.retrieval.retrieve(context, words.text, MAX_BLOCK_CHARS, deadline);
    if (retrieved.late)
      // Too slow for this turn; what it finds stands for the next ones.
      void retrieved.late.then(
        (block) => block && this.give(callId, context, itemId, words.text, block, true),
      );
    if (!this.isLive(callId, state)) return nothing;
    const item = retrieved.block && this.item(callId, retrieved.block);
    this.retrieval.observe(
      'realtime',
      context.mode,
      item ? 'given' : retrieved.block ? 'same_as_before' : retrieved.outcome,
      startedAt,
    );
    if (!item || !retrieved.block) return nothing;
    const given = { turnId: itemId, queryText: words.text, block: retrieved.block };
    // Recorded only once it went out: a newer turn may replace this preparation.
    return { items: [item], sent: () => this.given(callId, context, item, given) };
  }

  /**
   * A spoken turn's transcript arrived: grounded now in `next_turn` mode, and in the others when
   * the turn was answered without it (for the responses after it).
   */
  private async transcribed(callId: string, itemId: string): Promise<void> {
    const missed = this.calls.get(callId)?.missed.delete(itemId) ?? false;
    const context = await this.contexts.of(callId).catch(() => undefined);
    if (context?.mode === 'next_turn' || (context && missed))
      await this.groundLater(callId, itemId);
  }

  /** Retrieves for a turn nothing waits on and gives what it finds straight into the call. */
  private async groundLater(callId: string, itemId: string): Promise<void> {
    const context = await this.contexts.of(callId).catch(() => undefined);
    const state = this.calls.get(callId);
    if (!context || !state) return;
    const startedAt = performance.now();
    const { text } = state.transcripts.current(itemId);
    if (!text) return;
    const retrieved = await this.retrieval.retrieve(context, text, MAX_BLOCK_CHARS);
    // Outside `next_turn` this is a turn that was answered without its grounding.
    const late = context.mode !== 'next_turn';
    const given =
      retrieved.block && this.give(callId, context, itemId, text, retrieved.block, late);
    this.retrieval.observe(
      'realtime',
      late ? `${context.mode}_late` : context.mode,
      given ? 'given' : retrieved.block ? 'same_as_before' : retrieved.outcome,
      startedAt,
    );
  }

  private give(
    callId: string,
    context: GroundingContext,
    itemId: string,
    text: string,
    block: KnowledgeBlock,
    late: boolean,
  ): boolean {
    // A retrieval that outlived its call gives nothing.
    const item = this.calls.has(callId) ? this.item(callId, block) : undefined;
    if (!item || !this.sidebands.send(callId, { type: 'conversation.item.create', item }))
      return false;
    this.given(callId, context, item, { turnId: itemId, queryText: text, block, late });
    return true;
  }

  /** The tagged system item that would carry `block`; undefined if it was just given. */
  private item(callId: string, block: KnowledgeBlock): (Item & { id: string }) | undefined {
    const chunks = block.chunks.map((c) => c.chunkId).join(',');
    if (chunks === this.calls.get(callId)?.lastChunks) return undefined;
    return this.tags.tagItem(callId, {
      type: 'message',
      role: 'system',
      content: [{ type: 'input_text', text: block.text }],
    });
  }

  /** `item` went into the call: remembered, and recorded with its provenance. */
  private given(
    callId: string,
    context: GroundingContext,
    item: { id: string },
    what: { turnId: string; queryText: string; block: KnowledgeBlock; late?: boolean },
  ): void {
    const state = this.calls.get(callId);
    if (state) state.lastChunks = what.block.chunks.map((c) => c.chunkId).join(',');
    // After it is handed over: the turn does not wait for the database.
    this.ledger
      .given({
        sessionId: context.session.id,
        callId,
        kind: 'injection',
        mode: what.late ? `${context.mode}:late` : context.mode,
        turnId: what.turnId,
        itemId: item.id,
        queryText: what.queryText,
        block: what.block,
      })
      .catch((error: unknown) =>
        this.logger.error(
          { callId, err: (error as Error).message },
          'Recording given knowledge failed',
        ),
      );
  }

  /** Whether the call `state` belongs to is still served (not forgotten since). */
  private isLive(callId: string, state: CallGrounding): boolean {
    return this.calls.get(callId) === state;
  }

  /** The call's state, made at the first event of a call this replica serves. */
  private stateOf(callId: string): CallGrounding {
    let state = this.calls.get(callId);
    if (!state) {
      state = { transcripts: new TurnTranscripts(), missed: new Set() };
      this.calls.set(callId, state);
    }
    return state;
  }

  private forget(callId: string): void {
    this.calls.delete(callId);
    this.contexts.forget(callId);
  }
}
