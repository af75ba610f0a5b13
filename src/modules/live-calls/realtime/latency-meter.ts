import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Histogram } from 'prom-client';

import { MetricsRegistry } from '../../metrics/index.js';
import { RealtimeEventBus, type RealtimeServerEvent } from '../../realtime/index.js';
import { SessionsRepository, SessionsService } from '../../sessions/index.js';

/** Kept per session; older turns fall off. */
const SAMPLES_KEPT = 500;
/** What the caller perceives as the answer starting; a function call is not an answer yet. */
const FIRST_OUTPUT = new Set([
  'response.output_audio_transcript.delta',
  'response.output_text.delta',
]);

/**
 * Per turn, as the sideband sees it: from `input_audio_buffer.speech_stopped` to the first spoken
 * or written output that follows, and how much of that Switchboard itself spent (tool pipeline,
 * context injection). Stored per session (p50/p95 in the admin API) and exported as histograms by
 * agent, so VAD settings and tools can be tuned with numbers.
 */
@Injectable()
export class LatencyMeter implements OnModuleInit, OnApplicationShutdown {
  private readonly speechEnded = new Map<string, number>();
  /** Own time spent so far in each call's current turn. */
  private readonly ownTime = new Map<string, number>();
  private readonly histogram: Histogram<'agent'>;
  private readonly ownHistogram: Histogram<'agent'>;
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: SessionsRepository,
    private readonly sessions: SessionsService,
    private readonly bus: RealtimeEventBus,
    metrics: MetricsRegistry,
  ) {
    this.histogram = new Histogram({
      name: 'switchboard_turn_latency_seconds',
      help: 'End of user speech to the first response output, per turn, by agent profile',
      labelNames: ['agent'],
      buckets: [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
      registers: [metrics],
    });
    this.ownHistogram = new Histogram({
      name: 'switchboard_turn_own_time_seconds',
      help: 'Time Switchboard itself spent inside a turn (tool pipeline, injection), by agent profile',
      labelNames: ['agent'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics],
    });
  }

  /** Adds time Switchboard spent on the call's current turn (only counted inside a turn). */
  addOwnTime(callId: string, ms: number): void {
    if (!this.speechEnded.has(callId)) return;
    this.ownTime.set(callId, (this.ownTime.get(callId) ?? 0) + ms);
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
    this.histogram.observe({ agent: session.agent }, latencyMs / 1000);
    this.ownHistogram.observe({ agent: session.agent }, ownMs / 1000);
    await this.repository.recordTurn(session.id, latencyMs, ownMs, SAMPLES_KEPT);
  }
}
