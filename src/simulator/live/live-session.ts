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
import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { LiveSession as ResolvedLiveSession } from '../protocol/live-session-config.js';
import type { Scenario } from '../scenario/scenario.js';
import type { SimulatorLogger } from '../simulator-logger.js';
import { clientEventAllowed, serverEventAllowed } from './data-channel-permissions.js';
import { LIVE_CLIENT_EVENT_HANDLERS } from './live-client-events.js';
import { liveErrorBody } from './live-error.js';

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
  readonly startedAt: number;
  state: CallState;
  resource: LiveSessionResource;
  closedReason?: LiveCloseReason;
  muted = false;
  /** Caller audio received over a primary WebSocket, in bytes. */
  inputAudioBytes = 0;
  audioOutput?: AudioOutput;
  /** Client delegations announced by `session.delegation.created`, by id. */
  readonly delegations = new Map<string, { readonly offsetMs: number }>();
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

  pushCallerAudio(_samples: Int16Array, _sampleRate: number): void {
    // Live has no spoken turns in the simulator yet (the answerer counts the RTP packets).
  }

  /** A peer that closed its connection hung up; one whose connection failed was lost. */
  peerDisconnected(graceful: boolean): void {
    this.close(graceful ? 'remote_hangup' : 'connection_lost');
  }

  /** Sends a server event to every connection that may receive it. */
  emit(event: ServerEvent): ServerEvent {
    const stamped = { event_id: ids.event(), ...event };
    if (this.state === 'ended') return stamped;
    this.record('out', 'simulator', stamped);
    this.recent.push(stamped);
    if (this.recent.length > REPLAY_EVENTS) this.recent.shift();
    for (const sink of this.sinks) this.deliverFiltered(sink, stamped);
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
  close(reason: LiveCloseReason, clientEventId?: string | null): void {
    if (this.state === 'ended') return;
    this.emit({ type: 'session.usage.updated', usage: { seconds: this.usageSeconds() } });
    this.emit({
      type: 'session.closed',
      reason,
      session: this.resource,
      usage: { seconds: this.usageSeconds() },
      ...(clientEventId ? { client_event_id: clientEventId } : {}),
    });
    this.end(reason);
  }

  /** Ends without `session.closed` (a connection that drops gets no goodbye). */
  end(reason: LiveCloseReason): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.closedReason = reason;
    clearTimeout(this.expiryTimer);
    clearInterval(this.usageTimer);
    this.audioOutput?.stop();
    for (const sink of this.sinks)
      closeQuietly(sink, 1000, reason, (fault) => this.fault(sink.via, fault));
    this.sinks.clear();
    for (const listener of this.endListeners) listener();
  }

  /** A SIP session rings until accepted; accepting starts its clocks. */
  activate(resolve: (id: string) => LiveSessionResource): void {
    this.resource = resolve(this.id);
    this.state = 'active';
    this.startClocks();
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
    deliver(sink, event, (fault) => this.fault(sink.via, fault));
  }
}
