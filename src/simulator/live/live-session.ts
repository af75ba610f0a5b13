import type {
  AudioOutput,
  CallKind,
  CallState,
  EventSink,
  LoggedEvent,
  MediaSession,
  ServerEvent,
  Via,
} from '../call/call-types.js';
import {
  closeQuietly,
  deliver,
  messageOf,
  transportName,
  type DeliveryFault,
} from '../call/event-delivery.js';
import { pcm16Bytes, resamplePcm16 } from '../call/audio-format.js';
import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { LiveSession as ResolvedLiveSession } from '../protocol/live-session-config.js';
import { planReply, type UserTurn } from '../scenario/reply-planner.js';
import type { Scenario } from '../scenario/scenario.js';
import type { SimulatorLogger } from '../simulator-logger.js';
import { clientEventAllowed, serverEventAllowed } from './data-channel-permissions.js';
import { LIVE_CLIENT_EVENT_HANDLERS } from './live-client-events.js';
import { LiveDelegations } from './live-delegations.js';
import { liveErrorBody } from './live-error.js';
import { LiveVoice } from './live-voice.js';

/** Sideband reflections of audio are mono PCM16LE at 24 kHz, whatever the transport. */
const REFLECTED_RATE = 24_000;

/** Why a Live session ended, as `session.closed` says it. */
export type LiveCloseReason =
  'close_requested' | 'expired' | 'content' | 'remote_hangup' | 'connection_lost';

/** The resolved session as `session.started` / `session.closed` carry it. */
export type LiveSessionResource = ResolvedLiveSession;

export interface LiveSessionOptions {
  readonly kind: CallKind;
  /** The validated startup config; `resolve` turns it into the resource once the id is known. */
  readonly resolve: (id: string) => LiveSessionResource;
  readonly scenario: Scenario;
  readonly speechMsPerChar: number;
  readonly timeScale: number;
  readonly logger: SimulatorLogger;
  /** Milliseconds since the epoch (tests move it). */
  readonly now: () => number;
  /** How often `session.usage.updated` reports (session time, scaled by `timeScale`). */
  readonly usageEveryMs: number;
  readonly state?: CallState;
}

/** Events replayed to a sideband that attaches late ("a short event history"). */
const REPLAY_EVENTS = 50;

/**
 * Who receives a server event: every connection (the data channel filtered by its allowlist),
 * only trusted sidebands (`transport.*`, reflected audio), or only a primary WebSocket (audio in
 * the session's format).
 */
export type Audience = 'all' | 'sideband' | 'primary';

function reaches(audience: Audience, sink: EventSink): boolean {
  if (audience === 'all') return true;
  return sink.via === (audience === 'sideband' ? 'sideband' : 'websocket');
}

/**
 * One GPT-Live session: its resolved config, its connections (the browser's data channel, trusted
 * sideband sockets, a primary WebSocket) and its timeline. Every server event fans out to every
 * connection, except that the data channel only gets what `client.data_channel` allows, and sends
 * only what it allows; the sideband is never filtered. The session ends with `session.closed`.
 */
export class LiveSession implements MediaSession {
  readonly id = ids.liveSession();
  readonly kind: CallKind;
  readonly log: LoggedEvent[] = [];
  readonly sinks = new Set<EventSink>();
  readonly audioStats = { packetsIn: 0, packetsOut: 0 };
  startedAt: number;
  state: CallState;
  resource: LiveSessionResource;
  closedReason?: LiveCloseReason;
  endedDetail?: string;
  muted = false;
  /** Caller audio received over a primary WebSocket, in bytes. */
  inputAudioBytes = 0;
  audioOutput?: AudioOutput;
  /** The voice: hears the caller and speaks (see live-voice.ts). */
  readonly voice: LiveVoice = new LiveVoice(this);
  /** Work the voice delegated, to the client or the Responses backend. */
  readonly delegations: LiveDelegations = new LiveDelegations(this);
  /** What the application appended (`session.*.append`), in order, for inspection and replies. */
  readonly appended: {
    readonly kind: 'instructions' | 'thinking' | 'commentary';
    readonly content: string;
    readonly delegationId: string | null;
    readonly atMs: number;
  }[] = [];
  private readonly recent: ServerEvent[] = [];
  private readonly endListeners: (() => void)[] = [];
  private expiryTimer?: NodeJS.Timeout;
  private usageTimer?: NodeJS.Timeout;

  constructor(readonly options: LiveSessionOptions) {
    this.kind = options.kind;
    this.state = options.state ?? 'active';
    this.startedAt = options.now();
    this.resource = options.resolve(this.id);
    if (this.state === 'active') this.startClocks();
  }

  get scenario(): Scenario {
    return this.options.scenario;
  }

  /** Milliseconds on the session timeline (`start_ms` / `end_ms` of its events). */
  timelineMs(): number {
    return Math.max(0, this.options.now() - this.startedAt);
  }

  /** Whole seconds of session time so far, as usage reports it (billed per second). */
  usageSeconds(): number {
    return Math.floor(this.timelineMs() / 1000);
  }

  attach(sink: EventSink): void {
    this.sinks.add(sink);
  }

  detach(sink: EventSink): void {
    this.sinks.delete(sink);
  }

  /** A trusted sideband attaches: it gets the recent events first, then everything. */
  attachSideband(sink: EventSink): void {
    for (const event of this.recent) this.deliver(sink, event);
    this.attach(sink);
  }

  /** The browser's data channel opened: WebRTC creation already started the session. */
  openDataChannel(sink: EventSink): void {
    // Ended while the peer connected, or a second `oai-events` channel: nothing to start.
    if (this.state !== 'active' || [...this.sinks].some((s) => s.via === 'datachannel')) return;
    this.attach(sink);
    // A server event like any other: the sideband (attached before the answer) sees it too.
    this.emit({ type: 'session.started', session: this.resource });
  }

  /**
   * Caller audio from the primary transport: reflected to every sideband (24 kHz PCM16, before
   * model-input muting, as the API does), then heard by the voice unless muted.
   */
  pushCallerAudio(samples: Int16Array, sampleRate: number): void {
    if (this.state !== 'active') return;
    const reflected = resamplePcm16(samples, sampleRate, REFLECTED_RATE);
    this.emit(
      { type: 'session.input_audio.append', audio: pcm16Bytes(reflected).toString('base64') },
      'sideband',
    );
    this.voice.pushAudio(samples, sampleRate);
  }

  /** A caller turn was heard: the scenario decides whether the voice answers or delegates. */
  answerTurn(turn: UserTurn): void {
    if (this.state !== 'active') return;
    const plan = planReply(this.scenario, turn, {
      sessionTools: this.delegations.callableTools(),
      toolsForbidden: this.delegations.toolsForbidden(),
    });
    if (plan.kind === 'say') this.voice.say(plan.text);
    else this.delegations.start(plan);
  }

  /** A peer that closed its connection hung up; one whose connection failed was lost. */
  peerDisconnected(graceful: boolean): void {
    this.close(graceful ? 'remote_hangup' : 'connection_lost');
  }

  /** Sends a server event to every connection of `audience` that may receive it. */
  emit(event: ServerEvent, audience: Audience = 'all'): ServerEvent {
    const stamped = { event_id: ids.event(), ...event };
    if (this.state === 'ended') return stamped;
    this.record('out', 'simulator', stamped);
    if (audience !== 'primary') {
      this.recent.push(stamped);
      if (this.recent.length > REPLAY_EVENTS) this.recent.shift();
    }
    for (const sink of this.sinks) if (reaches(audience, sink)) this.deliverFiltered(sink, stamped);
    return stamped;
  }

  /**
   * An `error` event in Live's shape (`code` always, `param` only when there is one), to the
   * connection whose command caused it (or everyone) and to every sideband, which sees every
   * server event. `client_event_id` ties it to that command.
   */
  emitError(error: OpenAIError, clientEventId: string | null, origin?: EventSink): void {
    const body = liveErrorBody(error, clientEventId);
    this.answer({ type: 'error', error: body }, origin);
  }

  /** An answer to one connection's command: to it, and to every sideband; or to all. */
  private answer(event: ServerEvent, origin?: EventSink): void {
    if (!origin) {
      this.emit(event);
      return;
    }
    const stamped = { event_id: ids.event(), ...event };
    this.record('out', origin.via, stamped);
    for (const sink of this.sinks)
      if (sink !== origin && sink.via === 'sideband') this.deliver(sink, stamped);
    this.deliver(origin, stamped);
  }

  receiveFrom(sink: EventSink, data: string | Buffer): void {
    const bytes = Buffer.byteLength(data);
    if (bytes > sink.maxIncomingBytes) {
      this.record('in', sink.via, { refused: 'event_too_large', bytes });
      const limit = sink.maxIncomingBytes;
      const tooLarge = OpenAIError.eventTooLarge(bytes, limit, transportName(sink.via));
      return this.emitError(tooLarge, null, sink);
    }
    this.receive(data.toString(), sink);
  }

  /** A client event from one connection; a bad one gets an `error` there, never a crash. */
  receive(raw: string, sink: EventSink): void {
    let event: Record<string, unknown>;
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      event = parsed as Record<string, unknown>;
    } catch {
      this.record('in', sink.via, raw);
      const invalid = OpenAIError.invalidRequest('The event is not valid JSON.', 'invalid_json');
      return this.emitError(invalid, null, sink);
    }
    this.record('in', sink.via, event);
    if (this.state !== 'active') return;
    const clientEventId = typeof event.event_id === 'string' ? event.event_id : null;
    const type = typeof event.type === 'string' ? event.type : '';
    if (sink.via === 'datachannel' && !clientEventAllowed(this.resource, type)) {
      // The documented notice for a data channel without the permission; nothing is applied.
      return this.answer(
        {
          type: 'info',
          code: 'data_channel_permissions',
          message: `The '${type}' event is not allowed on this session's data channel (client.data_channel.allowed_client_events). Send it from your server over the sideband.`,
          ...(clientEventId ? { client_event_id: clientEventId } : {}),
        },
        sink,
      );
    }
    const handler = LIVE_CLIENT_EVENT_HANDLERS[type];
    try {
      if (!handler)
        throw OpenAIError.invalidRequest(
          `Invalid value: '${type}'. Supported values are: ${Object.keys(LIVE_CLIENT_EVENT_HANDLERS).join(', ')}.`,
          'invalid_value',
          'type',
        );
      handler(this, event, sink.via);
    } catch (error) {
      if (error instanceof OpenAIError) return this.emitError(error, clientEventId, sink);
      this.fault(sink.via, { kind: 'handler_failed', error: messageOf(error) });
      const failure = new OpenAIError(500, 'server_error', null, 'The server had an error.');
      this.emitError(failure, clientEventId, sink);
    }
  }

  fault(via: Via, fault: DeliveryFault): void {
    this.log.push({ at: Date.now(), direction: 'fault', via, event: fault });
    this.options.logger.warn(
      { sessionId: this.id, via, ...fault },
      'Live simulator: a connection fault',
    );
  }

  record(direction: 'in' | 'out', via: Via, event: unknown): void {
    this.log.push({ at: Date.now(), direction, via, event });
  }

  /** Runs `listener` when the session ends (at once if it already has). */
  onEnded(listener: () => void): void {
    if (this.state === 'ended') listener();
    else this.endListeners.push(listener);
  }

  /**
   * Ends the session: the final usage, `session.closed` to every connection, then they close.
   * `client_event_id` answers the `session.close` that asked for it.
   */
  close(reason: LiveCloseReason, clientEventId?: string | null, detail?: string): void {
    if (this.state === 'ended') return;
    this.emit({ type: 'session.usage.updated', usage: { seconds: this.usageSeconds() } });
    this.emit({
      type: 'session.closed',
      reason,
      session: this.resource,
      usage: { seconds: this.usageSeconds() },
      ...(clientEventId ? { client_event_id: clientEventId } : {}),
    });
    this.end(reason, detail);
  }

  /**
   * Ends without `session.closed` (a connection that drops gets no goodbye). `detail` says more
   * for inspection (`rejected:486`, `referred:tel:…`, `answered_through_realtime`).
   */
  end(reason: LiveCloseReason, detail?: string): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.closedReason = reason;
    this.endedDetail = detail;
    clearTimeout(this.expiryTimer);
    clearInterval(this.usageTimer);
    this.voice.stop();
    this.audioOutput?.stop();
    for (const sink of this.sinks)
      closeQuietly(sink, 1000, reason, (fault) => this.fault(sink.via, fault));
    this.sinks.clear();
    for (const listener of this.endListeners) listener();
  }

  /**
   * A SIP session rings until accepted; accepting starts it (`session.started`, replayed to the
   * sideband that attaches next) and its clocks. Its timeline starts at the accept.
   */
  activate(resolve: (id: string) => LiveSessionResource): void {
    this.resource = resolve(this.id);
    this.state = 'active';
    this.startedAt = this.options.now();
    this.startClocks();
    this.emit({ type: 'session.started', session: this.resource });
  }

  private startClocks(): void {
    const untilExpiry = this.resource.expires_at * 1000 - this.options.now();
    // setTimeout takes at most 2^31-1 ms (~24.8 days); a later expiry would fire at once.
    this.expiryTimer = setTimeout(
      () => this.close('expired'),
      Math.min(Math.max(0, untilExpiry), 2 ** 31 - 1),
    );
    this.expiryTimer.unref();
    // Usage counts the call's real time, so it reports in real time too (not scaled).
    const every = Math.max(10, this.options.usageEveryMs);
    this.usageTimer = setInterval(
      () => this.emit({ type: 'session.usage.updated', usage: { seconds: this.usageSeconds() } }),
      every,
    );
    this.usageTimer.unref();
  }

  private deliverFiltered(sink: EventSink, event: ServerEvent): void {
    if (sink.via === 'datachannel' && !serverEventAllowed(this.resource, event)) return;
    this.deliver(sink, event);
  }

  private deliver(sink: EventSink, event: ServerEvent): void {
    deliver(sink, event, (fault) => this.fault(sink.via, fault), liveErrorBody);
  }
}
