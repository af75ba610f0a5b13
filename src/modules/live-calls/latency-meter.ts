import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Histogram } from 'prom-client';

import { MetricsRegistry } from '../metrics/index.js';
import { RealtimeEventBus, type RealtimeServerEvent } from '../realtime/index.js';
import { SessionsRepository, SessionsService } from '../sessions/index.js';
import { voiceApiOf } from '../voice/index.js';

/** Kept per session; older turns fall off. */
const SAMPLES_KEPT = 500;
/** What the caller perceives as the answer starting; a function call is not an answer yet. */
const FIRST_OUTPUT = new Set([
  'response.output_audio_transcript.delta',
  'response.output_text.delta',
]);

/**
 * Per turn, as the sideband sees it: from the end of the caller's speech to the first spoken or
 * written output that follows, and how much Switchboard itself spent in the turn (tool pipeline,
 * context injection). Stored per session (p50/p95 in the admin API) and exported as histograms by
 * agent and API, so VAD settings and tools can be tuned with numbers. Realtime turns are read here
 * (`speech_stopped` → first output delta); GPT-Live turns are derived from transcript timing by
 * the Live half (`liveTurnStarted` / `liveAnswered`), whose voice answers while tools run, so a
 * Live turn's own time is everything Switchboard spent until the caller speaks again.
 */
@Injectable()
export class LatencyMeter implements OnModuleInit, OnApplicationShutdown {
  private readonly speechEnded = new Map<string, number>();
  /** Own time spent so far in each call's current turn. */
  private readonly ownTime = new Map<string, number>();
  /** Live: the open turn's latency, recorded (with its own time) when the next turn starts. */
  private readonly answeredAfter = new Map<string, number>();
  private readonly histogram: Histogram<'agent' | 'api'>;
  private readonly ownHistogram: Histogram<'agent' | 'api'>;
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: SessionsRepository,
    private readonly sessions: SessionsService,
    private readonly bus: RealtimeEventBus,
    metrics: MetricsRegistry,
  ) {
    this.histogram = new Histogram({
      name: 'switchboard_turn_latency_seconds',
      help: 'End of user speech to the first response output, per turn, by agent profile and API',
      labelNames: ['agent', 'api'],
      buckets: [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
      registers: [metrics],
    });
    this.ownHistogram = new Histogram({
      name: 'switchboard_turn_own_time_seconds',
      help: 'Time Switchboard itself spent inside a turn (tool pipeline, injection), by agent and API',
      labelNames: ['agent', 'api'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics],
    });
  }

  /** Adds time Switchboard spent on the call's current turn (only counted inside a turn). */
  addOwnTime(callId: string, ms: number): void {
    if (!this.speechEnded.has(callId)) return;
    this.ownTime.set(callId, (this.ownTime.get(callId) ?? 0) + ms);
  }

  /** Live: the caller started a turn; the previous one (if the voice answered it) is recorded. */
  liveTurnStarted(callId: string): Promise<void> {
    const done = this.finishLiveTurn(callId);
    this.speechEnded.set(callId, performance.now());
    return done;
  }

  /** Live: the voice answered the open turn, `latencyMs` after the caller's last word. */
  liveAnswered(callId: string, latencyMs: number): void {
    if (this.speechEnded.has(callId)) this.answeredAfter.set(callId, latencyMs);
  }

  /** Live: the session ended; its open turn is recorded if it was answered. */
  liveEnded(callId: string): Promise<void> {
    const done = this.finishLiveTurn(callId);
    this.speechEnded.delete(callId);
    return done;
  }

  private finishLiveTurn(callId: string): Promise<void> {
    const latencyMs = this.answeredAfter.get(callId);
    const ownMs = Math.round(this.ownTime.get(callId) ?? 0);
    this.answeredAfter.delete(callId);
    this.ownTime.delete(callId);
    return latencyMs === undefined ? Promise.resolve() : this.record(callId, latencyMs, ownMs);
  }

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('sideband.event', ({ callId, event }) =>
      this.observe(callId, event),
    );
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private observe(callId: string, event: RealtimeServerEvent): Promise<void> | void {
    if (event.type === 'input_audio_buffer.speech_stopped') {
      this.speechEnded.set(callId, performance.now());
      this.ownTime.delete(callId);
      return;
    }
    if (!FIRST_OUTPUT.has(event.type)) return;
    const start = this.speechEnded.get(callId);
    if (start === undefined) return;
    this.speechEnded.delete(callId);
    const ownMs = Math.round(this.ownTime.get(callId) ?? 0);
    this.ownTime.delete(callId);
    return this.record(callId, Math.round(performance.now() - start), ownMs);
  }

  private async record(callId: string, latencyMs: number, ownMs: number): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    const labels = { agent: session.agent, api: voiceApiOf(session.config) };
    this.histogram.observe(labels, latencyMs / 1000);
    this.ownHistogram.observe(labels, ownMs / 1000);
    await this.repository.recordTurn(session.id, latencyMs, ownMs, SAMPLES_KEPT);
  }
}
