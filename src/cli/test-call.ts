/**
 * `npm run cli -- call --text "…"`: a governed test call without a browser. It opens a session on
 * a running Switchboard as an app user, connects over WebRTC through the proxy route (werift plays
 * the page), follows the session's events stream, types each turn on the data channel and prints
 * what happens until the answer is final, then hangs up. Whatever happens (an error, a timeout,
 * Ctrl-C), it ends the session and closes the connection before it returns.
 */
import { SwitchboardError } from '../client/errors.js';
import { SessionEvents, type SessionEventsEnd } from '../client/session-events.js';
import { SwitchboardApi, type SessionView } from '../client/switchboard-api.js';
import { Transcripts, type TranscriptEvent } from '../client/transcripts.js';
import { CallTurn } from './call-turn.js';
import { deferred, waitUnless, within } from './call-waits.js';
import { NodePeer, type DataChannelEvent } from './node-peer.js';
import { CallOutput, describeFailure, type CallLine } from './test-call-output.js';

export interface TestCallOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly texts: readonly string[];
  readonly agent?: string;
  /** How long connecting, and then each answer, may take. */
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The least time an HTTP request gets, however short `--timeout` is: hanging up must get through. */
const MIN_REQUEST_TIMEOUT_MS = 10_000;
/** How long hanging up waits for the server's `ended` event. */
const HANG_UP_WAIT_MS = 5000;
/** How long a turn's answer waits for the outcomes of the tools the model called (SSE lags). */
const TOOL_EVENTS_WAIT_MS = 3000;
const INTERRUPTED_EXIT_CODE = 130;

/** Runs the call; resolves with the exit code (0: every turn answered and the call hung up). */
export async function runTestCall(options: TestCallOptions): Promise<number> {
  const call = new TestCall(options);
  const interrupt = () =>
    call.stop(new SwitchboardError('INTERRUPTED', 'Interrupted: hanging up.'));
  process.on('SIGINT', interrupt);
  try {
    await call.run();
    return 0;
  } catch (error) {
    return call.report(error);
  } finally {
    await call.hangUp();
    process.off('SIGINT', interrupt);
  }
}

class TestCall {
  private readonly api: SwitchboardApi;
  private readonly out: CallOutput;
  private readonly transcripts = new Transcripts((event) => this.onTranscript(event));
  private readonly stopped = new AbortController();
  private readonly ready = deferred();
  private readonly streamDone = deferred();
  private readonly toolOutcomes = new Set<string>();
  private onToolOutcome?: () => void;
  private session?: SessionView;
  private peer?: NodePeer;
  private events?: SessionEvents;
  private turn?: CallTurn;
  private ended = false;
  private hangingUp = false;

  constructor(private readonly options: TestCallOptions) {
    // A bound on every request: an address that accepts and never answers must not hang the CLI.
    const fetchFn: typeof fetch = (input, init) =>
      fetch(input, {
        ...init,
        signal: AbortSignal.timeout(Math.max(options.timeoutMs, MIN_REQUEST_TIMEOUT_MS)),
      });
    this.api = new SwitchboardApi(options.baseUrl, () => options.token, fetchFn);
    this.out = new CallOutput(options.json, options.stdout, options.baseUrl);
  }

  async run(): Promise<void> {
    const session = await this.api.openSession(this.options.agent, 'proxy');
    this.session = session;
    this.out.line({ type: 'session', id: session.id, agent: session.agent, api: session.api });
    if (!session.typedText.supported)
      throw new SwitchboardError(
        'TEXT_INPUT_UNSUPPORTED',
        `The agent "${session.agent}" is a GPT-Live agent, which takes speech only: it cannot be sent typed turns.`,
      );
    this.follow(session);
    const seconds = this.options.timeoutMs / 1000;
    await this.bounded(
      this.connect(session),
      new SwitchboardError('CONNECT_TIMEOUT', `The call did not connect within ${seconds} s.`),
    );
    for (const text of this.options.texts) await this.say(text);
  }

  /** Stops the call for `reason` (what `run` then rejects with); the first reason wins. */
  stop(reason: SwitchboardError): void {
    if (!this.stopped.signal.aborted) this.stopped.abort(reason);
  }

  /** Prints why the call failed; returns the exit code. */
  report(error: unknown): number {
    const { code } = this.out.failure(error, this.options.stderr);
    return code === 'INTERRUPTED' ? INTERRUPTED_EXIT_CODE : 1;
  }

  /** Ends the session (unless the server did), prints how it ended, closes everything. */
  async hangUp(): Promise<void> {
    this.hangingUp = true;
    const id = this.session?.id;
    try {
      if (id && !this.ended) {
        await this.api.endSession(id).catch((error: unknown) => {
          const { code, message } = describeFailure(error, this.options.baseUrl);
          this.options.stderr(`cli: could not end session ${id}: ${code}: ${message}\n`);
        });
        if (this.events) await within(this.streamDone.promise, HANG_UP_WAIT_MS);
        if (!this.ended) await this.checkEnded(id);
      }
    } catch {
      // Reported above, or unreachable: the session's own timers end it.
    } finally {
      this.events?.stop();
      await this.peer?.close();
    }
  }

  private async connect(session: SessionView): Promise<void> {
    const peer = new NodePeer(
      (event) => this.onDataEvent(event),
      () => void this.lost(),
    );
    this.peer = peer;
    await peer.accept(await this.api.exchangeSdp(session, await peer.offer()));
    await this.ready.promise;
  }

  private async say(text: string): Promise<void> {
    const turn = (this.turn = new CallTurn());
    const item = { type: 'message', role: 'user', content: [{ type: 'input_text', text }] };
    this.peer!.send({ type: 'conversation.item.create', item });
    // In `server` sessions Switchboard starts the response; a page's response.create is tampering.
    if (this.session!.typedText.pageStartsResponse) this.peer!.send({ type: 'response.create' });
    const seconds = this.options.timeoutMs / 1000;
    await this.bounded(
      turn.answered,
      new SwitchboardError('ANSWER_TIMEOUT', `No answer to "${text}" within ${seconds} s.`),
    );
    await within(this.outcomesOf(turn.toolCallIds), TOOL_EVENTS_WAIT_MS);
    this.onToolOutcome = this.turn = undefined;
    for (const said of turn.said) this.out.line({ type: 'assistant', text: said });
    if (turn.unfinished)
      this.out.line({
        type: 'assistant',
        text: `(no answer: the response was ${turn.unfinished})`,
      });
  }

  private follow(session: SessionView): void {
    this.events = new SessionEvents({
      url: this.api.url(`/v1/sessions/${session.id}/events`),
      getToken: () => this.options.token,
      onEvent: ({ type, data }) => this.onSessionEvent(type, data),
      onEnd: (end) => this.onStreamEnd(end),
    });
  }

  private onSessionEvent(type: string, data: Record<string, unknown>): void {
    if (type === 'ended') {
      this.printEnded(String(data.state ?? 'ended'), String(data.reason ?? 'ended'));
      return;
    }
    if (!['tool', 'approval', 'knowledge', 'warning'].includes(type)) return;
    this.out.line({ ...data, type } as CallLine);
    if (type === 'tool' && typeof data.toolCallId === 'string') {
      this.toolOutcomes.add(data.toolCallId);
      this.onToolOutcome?.();
    }
  }

  private onStreamEnd(end: SessionEventsEnd): void {
    this.streamDone.resolve();
    if (this.hangingUp || this.ended) return;
    if (end.why === 'over') void this.checkEnded(this.session!.id);
    else if (end.why === 'refused')
      this.stop(
        new SwitchboardError('EVENTS_REFUSED', `The events stream answered ${end.status}.`),
      );
    else if (end.why === 'unreachable')
      this.stop(new SwitchboardError('EVENTS_UNREACHABLE', 'The events stream could not be read.'));
  }

  private onDataEvent(event: DataChannelEvent): void {
    this.transcripts.observe(event);
    if (event.type === 'session.created') this.ready.resolve();
    else if (event.type === 'response.done') this.turn?.responseDone(event.response as never);
    else if (event.type === 'error') {
      const error = (event.error ?? {}) as { code?: unknown; message?: unknown };
      this.out.line({
        type: 'error',
        code: String(error.code ?? 'REALTIME_ERROR'),
        message: String(error.message ?? 'The voice API reported an error.'),
      });
    }
  }

  private onTranscript({ role, text, final }: TranscriptEvent): void {
    if (!final || !text) return;
    if (role === 'assistant' && this.turn) this.turn.said.push(text);
    else this.out.line({ type: role === 'user' ? 'you' : 'assistant', text });
  }

  /** The connection closed: the server hung up (say why), or the network went away. */
  private async lost(): Promise<void> {
    if (this.hangingUp || this.ended) return;
    if (!(await this.checkEnded(this.session!.id)))
      this.stop(new SwitchboardError('CONNECTION_LOST', 'The call’s connection closed.'));
  }

  /** Reads the session; when it is over, prints how it ended and stops. */
  private async checkEnded(id: string): Promise<boolean> {
    const session = await this.api.getSession(id).catch(() => undefined);
    if (!session || (session.state !== 'ended' && session.state !== 'revoked')) return false;
    this.printEnded(session.state, session.endReason ?? session.state);
    return true;
  }

  private printEnded(state: string, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.out.line({ type: 'ended', state, reason });
    if (!this.hangingUp)
      this.stop(new SwitchboardError('CALL_ENDED', `Switchboard ended the call: ${reason}.`));
  }

  private outcomesOf(toolCallIds: readonly string[]): Promise<void> {
    const { promise, resolve } = deferred();
    this.onToolOutcome = () => toolCallIds.every((id) => this.toolOutcomes.has(id)) && resolve();
    this.onToolOutcome();
    return promise;
  }

  /** Waits for `promise` at most --timeout, unless the call stops first (rejects with why). */
  private bounded(promise: Promise<void>, onTimeout: SwitchboardError): Promise<void> {
    return waitUnless(this.stopped.signal, this.options.timeoutMs, promise, onTimeout);
  }
}
