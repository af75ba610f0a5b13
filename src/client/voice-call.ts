import type { CallEvents, CallState, EndedEvent } from './call-events.js';
import { Emitter } from './emitter.js';
import { SwitchboardError } from './errors.js';
import {
  SessionEvents,
  type SessionEventsEnd,
  type StreamedSessionEvent,
} from './session-events.js';
import { SwitchboardApi, type SessionView } from './switchboard-api.js';
import { Transcripts } from './transcripts.js';

export interface ConnectVoiceOptions {
  /** Where Switchboard serves its API; the page's own origin when absent. */
  readonly baseUrl?: string;
  /** The app user's bearer token (a JWT); asked again before each request, so it may refresh. */
  readonly getToken: () => string | Promise<string>;
  /** The agent profile to talk to (`default` when absent): Realtime or GPT-Live, as it says. */
  readonly agent?: string;
  /** `proxy` (default: the page never holds an OpenAI secret) or `ephemeral` (Realtime only). */
  readonly mode?: 'proxy' | 'ephemeral';
  /** Plays the agent's voice; a detached one is made (and removed) when absent. */
  readonly audioElement?: HTMLAudioElement;
  /** A microphone stream the page already has; it stays the page's (not stopped on hang-up). */
  readonly microphone?: MediaStream;
  /** How long a dropped connection may take to come back before the call ends (5 s). */
  readonly reconnectTimeoutMs?: number;
  /** How long connecting may take in all (20 s). */
  readonly connectTimeoutMs?: number;
  /** STUN/TURN servers, when the page needs them to reach OpenAI. */
  readonly rtcConfiguration?: RTCConfiguration;
  /** Aborting it while connecting gives up (`HUNG_UP`), e.g. a Cancel button beside Connect. */
  readonly signal?: AbortSignal;
}

/** The longest the offer waits for its ICE candidates: host candidates come in milliseconds. */
const ICE_GATHERING_CAP_MS = 3000;

/**
 * Opens a governed voice call: Switchboard opens the session with the server-built config, the
 * offer goes through Switchboard (proxy mode) and the call's tool activity, approvals, knowledge
 * and end come from Switchboard's events stream. Resolves once connected; rejects with a
 * `SwitchboardError` (and leaves nothing open) when it cannot connect.
 */
export async function connectVoice(options: ConnectVoiceOptions): Promise<VoiceCall> {
  const call = new VoiceCall(options);
  await call.start();
  return call;
}

/** One voice call. Listen with `on`; every listener is removed once `ended` was emitted. */
export class VoiceCall extends Emitter<CallEvents> {
  /** The session as Switchboard opened it (id, agent, api); set once connecting began. */
  session?: SessionView;
  state: CallState = 'connecting';
  muted = false;

  private readonly api: SwitchboardApi;
  private readonly transcripts = new Transcripts((event) => this.emit('transcript', event));
  private pc?: RTCPeerConnection;
  private channel?: RTCDataChannel;
  private microphone?: MediaStream;
  private audio?: HTMLAudioElement;
  private events?: SessionEvents;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private checkingLoss = false;
  /** While connecting: `open` once the channel opens, `fail` to give up (every step races it). */
  private connecting?: { open: () => void; fail: (error: SwitchboardError) => void };
  /** A Realtime response is running (or was asked for): a typed turn's answer waits for its end. */
  private responding = false;
  private responseWanted = false;
  /** Event ids of the page's `response.create`s: the voice API names them in its refusals. */
  private readonly asked = new Set<string>();
  private asks = 0;

  constructor(private readonly options: ConnectVoiceOptions) {
    super();
    const origin = typeof location === 'undefined' ? '' : location.origin;
    this.api = new SwitchboardApi(options.baseUrl ?? origin, options.getToken);
  }

  /** Types a turn (Realtime agents; GPT-Live agents take speech only). */
  sendText(text: string): void {
    const typed = this.session?.typedText;
    if (typed && !typed.supported)
      throw new SwitchboardError(
        'TEXT_INPUT_UNSUPPORTED',
        `The agent "${this.session?.agent}" takes speech only (GPT-Live): talk to it instead.`,
      );
    const words = text.trim();
    if (!words)
      throw new SwitchboardError('EMPTY_TEXT', 'There is nothing to send: type a message first.');
    const item = { type: 'message', role: 'user', content: [{ type: 'input_text', text: words }] };
    this.send({ type: 'conversation.item.create', item });
    // In `server` sessions Switchboard answers each turn; a page's response.create is tampering.
    if (!typed?.pageStartsResponse) return;
    // One response at a time: asking during one is refused, so the answer waits for it to end.
    if (this.responding) this.responseWanted = true;
    else this.startResponse();
  }

  /** Stops (or restarts) sending the microphone; the call stays up. */
  mute(muted: boolean): void {
    this.muted = muted;
    for (const track of this.microphone?.getAudioTracks() ?? []) track.enabled = !muted;
    // GPT-Live also stops listening, so silence is not taken for a pause in speech.
    if (this.session?.api === 'live' && this.channel?.readyState === 'open')
      this.send({ type: muted ? 'session.input_audio.mute' : 'session.input_audio.unmute' });
  }

  /** Ends the call (also while connecting): Switchboard hangs up, the session ends `user_ended`. */
  async hangup(): Promise<void> {
    if (this.state === 'ended') return;
    const id = this.session?.id;
    this.finish({ reason: 'hangup', by: 'page' });
    // Ended here whatever happens; if Switchboard cannot be told, its own limits end the session.
    if (id) await this.api.endSession(id).catch(() => undefined);
  }

  /**
   * @internal Connects; on failure everything is released and the session ended. Every step races
   * the connect timeout and the call's end (a hang-up, or Switchboard ending the session), so a
   * microphone prompt nobody answers or a request that hangs cannot keep it connecting.
   */
  async start(): Promise<void> {
    const timeoutMs = this.options.connectTimeoutMs ?? 20_000;
    let fail!: (error: SwitchboardError) => void;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined);
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.connecting = { open, fail };
    const cancel = () => this.finish({ reason: 'hangup', by: 'page' });
    if (this.options.signal?.aborted) cancel();
    this.options.signal?.addEventListener('abort', cancel);
    const timer = setTimeout(
      () =>
        fail(
          new SwitchboardError(
            'CONNECT_TIMEOUT',
            `The call did not connect within ${timeoutMs / 1000} s.`,
          ),
        ),
      timeoutMs,
    );
    /** Awaits `work` unless connecting fails first; what it gives too late is let go of. */
    const step = <T>(work: Promise<T>, letGo?: (late: T) => void): Promise<T> => {
      work.then(
        (value) => {
          if (this.state === 'ended') letGo?.(value);
        },
        () => undefined,
      );
      return Promise.race([work, failed]);
    };
    try {
      this.session = await step(
        this.api.openSession(this.options.agent, this.options.mode),
        (late) => void this.api.endSession(late.id).catch(() => undefined),
      );
      this.microphone =
        this.options.microphone ?? (await step(openMicrophone(), (late) => stopTracks(late)));
      // A mute asked for while connecting holds from the first packet.
      for (const track of this.microphone.getAudioTracks()) track.enabled = !this.muted;
      const pc = (this.pc = new RTCPeerConnection(this.options.rtcConfiguration));
      this.playRemoteAudio(pc);
      for (const track of this.microphone.getAudioTracks()) pc.addTrack(track, this.microphone);
      this.listen(pc, pc.createDataChannel('oai-events'));
      await step(pc.createOffer().then((offer) => pc.setLocalDescription(offer)));
      await step(iceGathered(pc));
      const answer = await step(this.exchange(this.session, pc.localDescription?.sdp ?? ''));
      await step(pc.setRemoteDescription({ type: 'answer', sdp: answer }));
      this.followSessionEvents(this.session);
      await step(opened);
    } catch (error) {
      const id = this.session?.id;
      this.finish({ reason: 'connection_failed', by: 'page' }, true);
      if (id) await this.api.endSession(id).catch(() => undefined);
      throw error instanceof SwitchboardError
        ? error
        : new SwitchboardError('CONNECTION_FAILED', String((error as Error)?.message ?? error));
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener('abort', cancel);
      this.connecting = undefined;
    }
  }

  private async exchange(session: SessionView, offer: string): Promise<string> {
    if (session.mode === 'proxy') return this.api.exchangeSdp(session, offer);
    const secret = await this.api.mintClientSecret(session);
    const res = await fetch(secret.callsUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret.value}`, 'content-type': 'application/sdp' },
      body: offer,
    });
    if (!res.ok)
      throw new SwitchboardError(
        'CONNECTION_FAILED',
        `OpenAI refused the offer (HTTP ${res.status}).`,
        res.status,
      );
    const callId = res.headers.get('location')?.split('/').pop();
    if (!callId)
      throw new SwitchboardError('CONNECTION_FAILED', 'OpenAI answered without a call id.');
    const answer = await res.text();
    this.session = await this.api.bindCall(session, callId);
    return answer;
  }

  private playRemoteAudio(pc: RTCPeerConnection): void {
    this.audio = this.options.audioElement ?? document.createElement('audio');
    this.audio.autoplay = true;
    pc.ontrack = (event) => {
      if (!this.audio) return;
      this.audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void this.audio.play().catch(() => undefined);
    };
  }

  private listen(pc: RTCPeerConnection, channel: RTCDataChannel): void {
    this.channel = channel;
    channel.onopen = () => {
      this.setState('connected');
      this.connecting?.open();
    };
    channel.onmessage = (message) => this.onServerEvent(message.data);
    // The far end closed the channel: hung up by the server, or gone.
    channel.onclose = () => {
      if (!this.connecting) return void this.lost();
      this.connecting.fail(
        new SwitchboardError('CONNECTION_FAILED', 'The call’s channel closed while connecting.'),
      );
    };
    pc.onconnectionstatechange = () => {
      const now = pc.connectionState;
      if (now === 'connected' && this.state === 'reconnecting') {
        clearTimeout(this.reconnectTimer);
        this.setState('connected');
      } else if (now === 'disconnected' && this.state === 'connected') {
        // ICE checks keep running: this is the one chance the connection gets to come back.
        this.setState('reconnecting');
        this.reconnectTimer = setTimeout(
          () => void this.lost(),
          this.options.reconnectTimeoutMs ?? 5000,
        );
      } else if (now === 'failed' || now === 'closed') {
        if (this.connecting)
          this.connecting.fail(
            new SwitchboardError(
              'CONNECTION_FAILED',
              'The audio connection could not be established.',
            ),
          );
        else void this.lost();
      }
    };
  }

  private onServerEvent(raw: unknown): void {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(String(raw)) as Record<string, unknown>;
    } catch {
      return;
    }
    this.transcripts.observe(event);
    if (event.type === 'response.created') this.responding = true;
    if (event.type === 'response.done') {
      this.responding = false;
      if (this.responseWanted && this.channel?.readyState === 'open') {
        this.responseWanted = false;
        this.startResponse();
      }
    }
    if (event.type === 'error') {
      const error = (event.error ?? {}) as {
        code?: unknown;
        message?: unknown;
        event_id?: unknown;
      };
      const ours = typeof error.event_id === 'string' && this.asked.delete(error.event_id);
      // Another response started first (turn detection, say): ask again once it is done.
      if (ours && error.code === 'conversation_already_has_active_response') {
        this.responseWanted = true;
        return;
      }
      // Refused for another reason: nothing is running on our account any more.
      if (ours) this.responding = false;
      this.emit(
        'error',
        new SwitchboardError(
          String(error.code ?? 'REALTIME_ERROR'),
          String(error.message ?? 'The voice API reported an error.'),
        ),
      );
    }
  }

  private followSessionEvents(session: SessionView): void {
    if (this.state === 'ended') return;
    this.events = new SessionEvents({
      url: this.api.url(`/v1/sessions/${session.id}/events`),
      getToken: this.options.getToken,
      onEvent: (event) => this.onSessionEvent(event),
      onEnd: (end) => this.onSessionEventsEnd(end),
    });
  }

  private onSessionEvent({ type, data }: StreamedSessionEvent): void {
    if (type === 'tool' || type === 'approval' || type === 'knowledge' || type === 'warning') {
      const { type: _type, ...payload } = data;
      this.emit(type, payload as never);
    } else if (type === 'ended') {
      const state = data.state === 'revoked' ? 'revoked' : 'ended';
      this.finish({ reason: String(data.reason ?? state), by: 'server', state });
    }
  }

  private onSessionEventsEnd(end: SessionEventsEnd): void {
    if (this.state === 'ended' || end.why === 'stopped') return;
    if (end.why === 'over') return void this.lost();
    const error =
      end.why === 'refused'
        ? new SwitchboardError(
            'EVENTS_REFUSED',
            `Switchboard refused the events stream (HTTP ${end.status}); tool and approval updates stop.`,
            end.status,
          )
        : new SwitchboardError(
            'EVENTS_UNREACHABLE',
            'Switchboard could not be reached for the call’s events; tool and approval updates stop.',
          );
    this.emit('error', error);
  }

  /**
   * The media path or the channel went away: if Switchboard ended the session, say why;
   * otherwise the network is gone, so the session is ended too (nothing keeps running unseen).
   */
  private async lost(): Promise<void> {
    const id = this.session?.id;
    if (this.state === 'ended' || this.checkingLoss || !id || this.connecting) return;
    this.checkingLoss = true;
    try {
      const session = await this.api.getSession(id).catch(() => undefined);
      // The connection came back while Switchboard was asked: nothing was lost.
      if (this.pc?.connectionState === 'connected' && this.channel?.readyState === 'open') return;
      if (session && (session.state === 'ended' || session.state === 'revoked')) {
        return this.finish({
          reason: session.endReason ?? session.state,
          by: 'server',
          state: session.state,
        });
      }
      this.finish({ reason: 'network_lost', by: 'network' });
      await this.api.endSession(id).catch(() => undefined);
    } finally {
      this.checkingLoss = false;
    }
  }

  /** Asks for the answer to a typed turn; counts as running until the voice API says more. */
  private startResponse(): void {
    const eventId = `evt_page_${++this.asks}`;
    this.asked.add(eventId);
    this.responding = true;
    try {
      this.send({ type: 'response.create', event_id: eventId });
    } catch (error) {
      this.asked.delete(eventId);
      this.responding = false;
      throw error;
    }
  }

  private send(event: Record<string, unknown>): void {
    if (this.channel?.readyState !== 'open')
      throw new SwitchboardError('NOT_CONNECTED', 'The call is not connected.');
    try {
      this.channel.send(JSON.stringify(event));
    } catch (error) {
      // The browser refuses what the channel cannot carry (too large, say); the call goes on.
      throw new SwitchboardError(
        'SEND_FAILED',
        `That could not be sent on the call (${(error as Error)?.message ?? String(error)}).`,
      );
    }
  }

  private setState(state: CallState): void {
    if (this.state === state || this.state === 'ended') return;
    this.state = state;
    this.emit('state', state);
  }

  /** Releases everything, once; `silent` while connecting (the caller gets the error instead). */
  private finish(ended: EndedEvent, silent = false): void {
    if (this.state === 'ended') return;
    // Ended before it connected: connecting gives up now, saying why, not at its timeout.
    this.connecting?.fail(
      ended.by === 'server'
        ? new SwitchboardError(
            'SESSION_ENDED',
            `Switchboard ended the session before it connected (${ended.reason}).`,
          )
        : new SwitchboardError('HUNG_UP', 'The call was hung up while it was connecting.'),
    );
    this.release();
    this.state = 'ended';
    if (!silent) {
      this.emit('state', 'ended');
      this.emit('ended', ended);
    }
    this.removeAllListeners();
  }

  private release(): void {
    clearTimeout(this.reconnectTimer);
    this.events?.stop();
    if (this.channel) {
      this.channel.onopen = this.channel.onmessage = this.channel.onclose = null;
      this.channel.close();
    }
    if (this.pc) {
      this.pc.ontrack = this.pc.onconnectionstatechange = null;
      this.pc.close();
    }
    // A microphone the page passed in is the page's to stop.
    if (!this.options.microphone && this.microphone) stopTracks(this.microphone);
    // …and is handed back as it was given: not left muted.
    else for (const track of this.options.microphone?.getAudioTracks() ?? []) track.enabled = true;
    if (this.audio) {
      this.audio.srcObject = null;
      if (!this.options.audioElement) this.audio.remove();
    }
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

async function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new SwitchboardError(
      'MICROPHONE_UNAVAILABLE',
      'This browser cannot use a microphone here (a page needs https or localhost).',
    );
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new SwitchboardError(
        'MICROPHONE_DENIED',
        'The microphone was blocked. Allow it for this site in the browser and try again.',
      );
    throw new SwitchboardError(
      'MICROPHONE_UNAVAILABLE',
      'No microphone could be opened. Plug one in or check the browser’s audio settings.',
    );
  }
}

/** Resolves when the offer has its candidates (no trickle through the proxy), or after the cap. */
function iceGathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => pc.iceGatheringState === 'complete' && done();
    const timer = setTimeout(done, ICE_GATHERING_CAP_MS);
    pc.addEventListener('icegatheringstatechange', check);
  });
}
