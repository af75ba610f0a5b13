import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { EffectiveSession } from '../protocol/session-config.js';
import type { Scenario } from '../scenario/scenario.js';
import type { SimulatorLogger } from '../simulator-logger.js';
import type {
  AudioOutput,
  CallKind,
  CallState,
  EventSink,
  LoggedEvent,
  MediaSession,
  ServerEvent,
  Via,
} from './call-types.js';
import { dispatchClientEvent } from './client-events.js';
import { Conversation } from './conversation.js';
import { EnergyVad } from './energy-vad.js';
import {
  closeQuietly,
  deliver,
  messageOf,
  transportName,
  type DeliveryFault,
} from './event-delivery.js';
import type { InputCount } from './usage.js';
import type { ResponseRun } from './response-run.js';
import { SpokenTurns } from './spoken-turns.js';

export interface CallOptions {
  readonly kind: CallKind;
  readonly session: EffectiveSession;
  readonly scenario: Scenario;
  readonly maxDurationMs: number;
  /** Nominal speaking rate of the assistant; 50 ms per character = 1 audio token per character. */
  readonly speechMsPerChar: number;
  /** Wall-clock factor for paced output (1 = real time; tests may speed it up). */
  readonly timeScale: number;
  /**
   * Simulated milliseconds from a turn's commit to its input transcription's `.completed` (or
   * `.failed`), scaled by `timeScale`; the word deltas are spread over it. 0: sent at once.
   */
  readonly transcriptionDelayMs: number;
  /** Where faults on the call's connections are reported (they are also in the call's log). */
  readonly logger: SimulatorLogger;
  readonly state?: CallState;
  readonly id?: string;
}

/**
 * One Realtime session: its config, conversation, active response and every connection attached
 * to it (the WebRTC data channel, sideband sockets, a plain WebSocket). Every server event fans out
 * to all of them and is kept in an inspectable log.
 */
export class RealtimeCall implements MediaSession {
  readonly id: string;
  readonly kind: CallKind;
  readonly createdAt = Date.now();
  readonly conversation = new Conversation();
  readonly log: LoggedEvent[] = [];
  readonly sinks = new Set<EventSink>();
  readonly audioStats = { packetsIn: 0, packetsOut: 0 };
  readonly spoken: SpokenTurns;
  readonly vad: EnergyVad;
  state: CallState;
  session: EffectiveSession;
  endedReason?: string;
  activeResponse?: ResponseRun;
  /** A turn committed while the active response was stopping (barge-in): answered after it. */
  answerWhenIdle = false;
  lastResponseInput?: InputCount;
  hasProducedAudio = false;
  audioOutput?: AudioOutput;
  private playingResponseId?: string;
  private maxDurationTimer?: NodeJS.Timeout;
  private readonly endListeners: ((call: RealtimeCall) => void)[] = [];

  constructor(readonly options: CallOptions) {
    this.id = options.id ?? ids.call();
    this.kind = options.kind;
    this.session = options.session;
    this.state = options.state ?? 'active';
    this.spoken = new SpokenTurns(this);
    this.vad = new EnergyVad(this.session.audio.input.turn_detection, this.spoken);
    if (this.state === 'active') this.startClock();
  }

  get scenario(): Scenario {
    return this.options.scenario;
  }

  /** SIP calls ring until accepted; accepting starts the session clock. */
  activate(session: EffectiveSession): void {
    this.session = session;
    this.vad.configure(session.audio.input.turn_detection);
    this.state = 'active';
    this.startClock();
  }

  attach(sink: EventSink): void {
    this.sinks.add(sink);
  }

  detach(sink: EventSink): void {
    this.sinks.delete(sink);
  }

  pushCallerAudio(samples: Int16Array, sampleRate: number): void {
    this.spoken.pushAudio(samples, sampleRate);
  }

  openDataChannel(sink: EventSink): void {
    this.attach(sink);
    this.greet(sink);
  }

  peerDisconnected(_graceful: boolean): void {
    this.end('peer_disconnected');
  }

  /** `session.created` + `conversation.created`, sent only to a connection that just opened. */
  greet(sink: EventSink): void {
    this.sendTo(sink, { type: 'session.created', session: this.session });
    this.sendTo(sink, {
      type: 'conversation.created',
      conversation: { id: this.conversation.id, object: 'realtime.conversation' },
    });
  }

  /** Sends a server event to every attached connection. */
  emit(event: ServerEvent): ServerEvent {
    const stamped = { event_id: ids.event(), ...event };
    this.record('out', 'simulator', stamped);
    for (const sink of this.sinks) this.deliver(sink, stamped);
    return stamped;
  }

  emitError(error: OpenAIError, clientEventId: string | null): void {
    this.emit({ type: 'error', error: { ...error.toBody(), event_id: clientEventId } });
  }

  /** A message off one of the call's connections; one over that connection's limit is refused unread. */
  receiveFrom(sink: EventSink, data: string | Buffer): void {
    const bytes = Buffer.byteLength(data);
    if (bytes <= sink.maxIncomingBytes) return this.receive(data.toString(), sink.via);
    // Only a summary: the log is kept in memory, and this event is as large as it gets.
    this.record('in', sink.via, { refused: 'event_too_large', bytes });
    const limit = sink.maxIncomingBytes;
    this.emitError(OpenAIError.eventTooLarge(bytes, limit, transportName(sink.via)), null);
  }

  /** Handles a client event from any connection; a bad one yields an `error` event, never a crash. */
  receive(raw: string | Record<string, unknown>, via: Via): void {
    let event: Record<string, unknown>;
    try {
      event = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : raw;
    } catch {
      this.record('in', via, raw);
      this.emitError(
        OpenAIError.invalidRequest('The event is not valid JSON.', 'invalid_json'),
        null,
      );
      return;
    }
    this.record('in', via, event);
    if (this.state !== 'active') return;
    const eventId = typeof event.event_id === 'string' ? event.event_id : null;
    try {
      dispatchClientEvent(this, event, via);
    } catch (error) {
      if (error instanceof OpenAIError) return this.emitError(error, eventId);
      // A simulator bug must not take the process (the app, under `npm start`) down with it.
      this.fault(via, { kind: 'handler_failed', error: messageOf(error) });
      const failure = new OpenAIError(500, 'server_error', null, 'The server had an error.');
      this.emitError(failure, eventId);
    }
  }

  /** Records and logs something the simulator could not do for one of the call's connections. */
  fault(via: Via, fault: DeliveryFault): void {
    this.log.push({ at: Date.now(), direction: 'fault', via, event: fault });
    this.options.logger.warn(
      { callId: this.id, via, ...fault },
      'Realtime simulator: a connection fault',
    );
  }

  record(direction: 'in' | 'out', via: Via, event: unknown): void {
    this.log.push({ at: Date.now(), direction, via, event });
  }

  onEnded(listener: (call: RealtimeCall) => void): void {
    this.endListeners.push(listener);
  }

  /** Ends the session: stops output, closes every connection, runs end listeners once. */
  end(reason: string): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.endedReason = reason;
    clearTimeout(this.maxDurationTimer);
    this.spoken.stop();
    this.activeResponse?.abort();
    this.audioOutput?.stop();
    for (const sink of this.sinks) {
      closeQuietly(sink, 1000, reason, (fault) => this.fault(sink.via, fault));
    }
    this.sinks.clear();
    for (const listener of this.endListeners) listener(this);
  }

  /**
   * Plays assistant audio for `audioMs` of nominal speech (scaled by `timeScale` in wall time):
   * `output_audio_buffer.started` now, `stopped` when done. Only WebRTC and SIP have this buffer.
   */
  playAudio(responseId: string, audioMs: number): void {
    if (this.kind === 'websocket') return;
    this.stopAudio();
    this.playingResponseId = responseId;
    this.emit({ type: 'output_audio_buffer.started', response_id: responseId });
    const wallMs = audioMs * this.options.timeScale;
    const playback = this.audioOutput
      ? this.audioOutput.play(wallMs)
      : new Promise<void>((resolve) => setTimeout(resolve, wallMs).unref());
    void playback.then(() => {
      if (this.playingResponseId !== responseId || this.state !== 'active') return;
      this.playingResponseId = undefined;
      this.emit({ type: 'output_audio_buffer.stopped', response_id: responseId });
    });
  }

  /** Barge-in or `output_audio_buffer.clear`: cut the audio and say so. */
  stopAudio(): void {
    const responseId = this.playingResponseId;
    if (!responseId) return;
    this.playingResponseId = undefined;
    this.audioOutput?.stop();
    this.emit({ type: 'output_audio_buffer.cleared', response_id: responseId });
  }

  private sendTo(sink: EventSink, event: ServerEvent): void {
    const stamped = { event_id: ids.event(), ...event };
    this.record('out', sink.via, stamped);
    this.deliver(sink, stamped);
  }

  private deliver(sink: EventSink, event: ServerEvent): void {
    deliver(sink, event, (fault) => this.fault(sink.via, fault));
  }

  private startClock(): void {
    const { maxDurationMs } = this.options;
    this.maxDurationTimer = setTimeout(() => {
      const limit =
        maxDurationMs >= 60_000
          ? `${Math.round(maxDurationMs / 60_000)} minutes`
          : `${maxDurationMs / 1000} seconds`;
      this.emitError(
        OpenAIError.invalidRequest(
          `Your session hit the maximum duration of ${limit}.`,
          'session_expired',
        ),
        null,
      );
      this.end('max_duration');
    }, maxDurationMs);
    this.maxDurationTimer.unref();
  }
}
