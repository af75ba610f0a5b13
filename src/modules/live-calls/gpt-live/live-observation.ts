import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { LiveEventBus, type LiveServerEvent } from '../../gpt-live/index.js';
import { SessionsService } from '../../sessions/index.js';
import { LatencyMeter } from '../realtime/latency-meter.js';
import { SessionTranscriptsRepository } from '../session-transcripts.repository.js';
import { LiveTurns, type TurnEvents } from './live-turns.js';

interface LiveCallTurns {
  readonly turns: LiveTurns;
  /** Recent event ids, oldest first: a replay repeats them. */
  readonly seen: Set<string>;
}

/** More than a replay holds ("a short event history"). */
const SEEN_KEPT = 512;

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

  /** What the caller said in the session's current turn, not yet a stored line. */
  pendingLine(callId: string): { role: 'user' | 'assistant'; text: string } | undefined {
    return this.turns.get(callId)?.turns.pending();
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

  private async store(callId: string, lines: TurnEvents['lines']): Promise<void> {
    if (lines.length === 0) return;
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    for (const line of lines)
      await this.lines.append(session.id, line.role, line.text.slice(0, MAX_LINE));
  }

  private stateOf(callId: string) {
    let state = this.turns.get(callId);
    if (!state) {
      state = { turns: new LiveTurns(), seen: new Set() };
      this.turns.set(callId, state);
    }
    return state;
  }
}
