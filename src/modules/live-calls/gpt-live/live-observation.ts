import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { LiveEventBus, type LiveServerEvent } from '../../gpt-live/index.js';
import { SessionsRepository, SessionsService } from '../../sessions/index.js';
import { LatencyMeter } from '../latency-meter.js';
import { SessionTranscriptsRepository } from '../session-transcripts.repository.js';
import { LiveTurns, type TurnEvents } from './live-turns.js';

interface LiveCallTurns {
  readonly turns: LiveTurns;
  /** The lines this replica has seen, newest last (what a delegation handler is given). */
  readonly recent: TurnEvents['lines'];
  /** Recent event ids, oldest first: a replay repeats them. */
  readonly seen: Set<string>;
}

/** More than a replay holds ("a short event history"). */
const SEEN_KEPT = 512;
/** Lines kept in memory per call for delegation handlers. */
const RECENT_LINES = 40;

/** Longer lines are cut; a transcript is context for people, not a recording. */
const MAX_LINE = 2000;

/**
 * What a GPT-Live session sounds like, from its transcript deltas (it has no turn events): the
 * caller's and the voice's lines go to the same transcript approvers read, and each answered turn
 * to the latency meter (`live-turns.ts` says how turns are derived). A sideband replay after a
 * reconnect repeats recent deltas; those already seen (by event id) are skipped.
 */
@Injectable()
export class LiveObservation implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LiveObservation.name);
  private readonly turns = new Map<string, LiveCallTurns>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly bus: LiveEventBus,
    private readonly sessions: SessionsService,
    private readonly repository: SessionsRepository,
    private readonly lines: SessionTranscriptsRepository,
    private readonly latency: LatencyMeter,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.on('live.event', ({ callId, event }) => this.observe(callId, event)),
      this.bus.on('live.closed', ({ callId }) => this.end(callId)),
      this.bus.on('live.lost', ({ callId }) => this.end(callId)),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  /**
   * What was said in the call as this replica heard it, the turn in progress last; synchronous,
   * so it is exact at the moment an event arrives (stored lines may still be on their way to
   * the database). Empty after a takeover, until the new owner hears something.
   */
  transcriptSoFar(callId: string): TurnEvents['lines'] {
    const state = this.turns.get(callId);
    if (!state) return [];
    const pending = state.turns.pending();
    return pending ? [...state.recent, pending] : [...state.recent];
  }

  private observe(callId: string, event: LiveServerEvent): void {
    if (
      event.type !== 'session.input_transcript.delta' &&
      event.type !== 'session.output_transcript.delta'
    ) {
      if (event.type === 'session.closed') this.end(callId);
      return;
    }
    const state = this.stateOf(callId);
    // A replayed delta (sideband reconnect) is one this replica has already placed.
    if (state.seen.has(event.event_id)) return;
    state.seen.add(event.event_id);
    if (state.seen.size > SEEN_KEPT) state.seen.delete(state.seen.values().next().value as string);
    const happened =
      event.type === 'session.input_transcript.delta'
        ? state.turns.input(event)
        : state.turns.output(event);
    state.recent.push(...happened.lines);
    state.recent.splice(0, Math.max(0, state.recent.length - RECENT_LINES));
    this.settle(callId, happened).catch((error: unknown) =>
      this.logger.error({ callId, err: (error as Error).message }, 'Recording a Live turn failed'),
    );
  }

  private async settle(callId: string, happened: TurnEvents): Promise<void> {
    if (happened.callerResumed) await this.latency.liveTurnStarted(callId);
    if (happened.answeredAfterMs !== undefined)
      this.latency.liveAnswered(callId, happened.answeredAfterMs);
    await this.store(callId, happened.lines);
  }

  private end(callId: string): void {
    const state = this.turns.get(callId);
    if (!state) return;
    this.turns.delete(callId);
    Promise.all([this.latency.liveEnded(callId), this.store(callId, state.turns.end())]).catch(
      (error: unknown) =>
        this.logger.error(
          { callId, err: (error as Error).message },
          'Recording a Live turn failed',
        ),
    );
  }

  /**
   * Stores lines once each: a line is named by its last delta's event id, which a replay to a
   * replica that took the session over repeats (the session's once-keys decide).
   */
  private async store(callId: string, lines: TurnEvents['lines']): Promise<void> {
    if (lines.length === 0) return;
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    for (const line of lines) {
      if (line.key && !(await this.repository.claimOnce(session.id, `line:${line.key}`))) continue;
      await this.lines.append(session.id, line.role, line.text.slice(0, MAX_LINE));
    }
  }

  private stateOf(callId: string) {
    let state = this.turns.get(callId);
    if (!state) {
      state = { turns: new LiveTurns(), recent: [], seen: new Set() };
      this.turns.set(callId, state);
    }
    return state;
  }
}
