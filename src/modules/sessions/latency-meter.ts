import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Histogram } from 'prom-client';
import { DataSource } from 'typeorm';

import { MetricsRegistry } from '../metrics/metrics.registry.js';
import { RealtimeEventBus, type RealtimeServerEvent } from '../realtime/realtime-event-bus.js';
import { SessionsService } from './sessions.service.js';

/** Kept per session; older turns fall off. */
const SAMPLES_KEPT = 500;
const FIRST_OUTPUT = new Set([
  'response.output_audio_transcript.delta',
  'response.output_text.delta',
  'response.function_call_arguments.delta',
]);

/**
 * Per turn, as the sideband sees it: from `input_audio_buffer.speech_stopped` to the first output
 * of the response that follows. Stored per session (p50/p95 in the admin API) and exported as the
 * `switchboard_turn_latency_seconds` histogram by agent, so VAD settings can be tuned with numbers.
 */
@Injectable()
export class LatencyMeter implements OnModuleInit, OnApplicationShutdown {
  private readonly speechEnded = new Map<string, number>();
  private readonly histogram: Histogram<'agent'>;
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
      return;
    }
    if (!FIRST_OUTPUT.has(event.type)) return;
    const start = this.speechEnded.get(callId);
    if (start === undefined) return;
    this.speechEnded.delete(callId);
    return this.record(callId, Math.round(performance.now() - start));
  }

  private async record(callId: string, latencyMs: number): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    this.histogram.observe({ agent: session.agent }, latencyMs / 1000);
    await this.dataSource.query(
      `UPDATE sessions SET turn_latencies_ms =
         (array_append(turn_latencies_ms, $2))[greatest(1, cardinality(turn_latencies_ms) + 2 - $3):]
       WHERE id = $1`,
      [session.id, latencyMs, SAMPLES_KEPT],
    );
  }
}
