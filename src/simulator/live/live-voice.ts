import { setTimeout as sleep } from 'node:timers/promises';

import { audioFormatOf, silence, type AudioFormat } from '../call/audio-format.js';
import { EnergyVad, type VadListener } from '../call/energy-vad.js';
import type { SpokenTurn } from '../call/spoken-turns.js';
import { DEFAULT_SERVER_VAD } from '../protocol/session-config.js';
import type { LiveSession } from './live-session.js';

/**
 * GPT-Live has no turn-detection settings: the model decides. The simulator's stand-in is the
 * Realtime default server VAD (500 ms of silence ends a turn).
 */
const LIVE_TURN_DETECTION = DEFAULT_SERVER_VAD;

/** Nominal length of an injected (`/__sim/live/…/say`) spoken turn, per character of its text. */
const INJECTED_MS_PER_CHAR = 60;
/** The voice's pause before it answers a turn (nominal ms, scaled like speech). */
const REPLY_DELAY_MS = 40;
/** Sideband reflections of output audio are mono PCM16LE at 24 kHz, whatever the transport. */
const REFLECTED_FORMAT: AudioFormat = { type: 'audio/pcm', rate: 24_000 };

interface Utterance {
  readonly text: string;
  cut: boolean;
}

/**
 * The simulated GPT-Live voice: it hears the caller (energy VAD on the call's audio, or an
 * injected turn), emits the input transcript with session-timeline `start_ms`/`end_ms`, asks the
 * scenario what to answer, and speaks: output transcript deltas, output audio (RTP on WebRTC,
 * `session.output_audio.delta` on a primary WebSocket, 24 kHz reflections with timestamps on
 * the sideband). Full duplex: it keeps speaking while delegated work runs; a caller who starts
 * talking cuts the current utterance, and nothing cancels a delegation.
 */
export class LiveVoice implements VadListener {
  private readonly vad = new EnergyVad(LIVE_TURN_DETECTION, this);
  private turnCount = 0;
  private callerSpeakingSince?: number;
  private current?: Utterance;
  /** A speaking loop is running (set before its first pause, so a second one never starts). */
  private draining = false;
  private readonly queue: string[] = [];
  /** Where the voice's next word starts on the session timeline: speech never overlaps itself. */
  private outputCursorMs = 0;
  /** Where an injected caller turn may start: the caller's speech never overlaps itself either. */
  private inputCursorMs = 0;

  constructor(private readonly session: LiveSession) {}

  /** Speech the voice has said or is saying, for inspection. */
  readonly spoken: { readonly text: string; readonly startMs: number; cut: boolean }[] = [];
  /** Caller turns the voice heard, for inspection. */
  readonly heard: { readonly text: string; readonly startMs: number; readonly endMs: number }[] =
    [];

  get speaking(): boolean {
    return this.current !== undefined;
  }

  /** Caller audio (16-bit mono PCM) that reached the model: muted input does not. */
  pushAudio(samples: Int16Array, sampleRate: number): void {
    if (this.session.muted || this.session.state !== 'active') return;
    this.vad.push(samples, sampleRate);
  }

  speechStarted(): void {
    this.callerSpeakingSince = this.session.timelineMs();
    this.bargeIn();
  }

  speechStopped(_audioEndMs: number, speechMs: number): void {
    const endMs = this.session.timelineMs();
    const startMs = Math.max(0, Math.min(this.callerSpeakingSince ?? endMs, endMs - speechMs));
    this.callerSpeakingSince = undefined;
    this.hear(this.nextTranscript(), startMs, endMs);
  }

  /** `POST /__sim/live/sessions/{id}/say`: a caller turn whose transcript is given. */
  inject(turn: SpokenTurn): void {
    // Muted input sends silence to the model: an injected turn is not heard either.
    if (this.session.muted || this.session.state !== 'active') return;
    this.forgetOpenTurn();
    // A caller says one thing at a time: a turn injected right after another follows it.
    const startMs = Math.max(this.session.timelineMs(), this.inputCursorMs);
    const endMs = startMs + turn.text.length * INJECTED_MS_PER_CHAR;
    this.inputCursorMs = endMs;
    this.bargeIn();
    this.hear(turn, startMs, endMs);
  }

  /** Queues `text` to be spoken after what the voice is saying now. */
  say(text: string): void {
    if (!text.trim() || this.session.state !== 'active') return;
    this.queue.push(text);
    if (!this.draining) void this.speakQueued();
  }

  /** The call ended: nothing more is said. */
  stop(): void {
    this.queue.length = 0;
    if (this.current) this.current.cut = true;
  }

  private hear(turn: SpokenTurn, startMs: number, endMs: number): void {
    this.turnCount += 1;
    this.heard.push({ text: turn.text, startMs, endMs });
    // A transcript the real model could not make is simply absent: Live has no failure event.
    if (!turn.transcriptionFails)
      this.emitTimed('session.input_transcript.delta', turn.text, startMs, endMs);
    this.session.answerTurn({ text: turn.text, number: this.turnCount });
    if (this.queue.length && !this.draining) void this.speakQueued();
  }

  /** The caller talks over the voice: it stops mid-sentence (the model handles barge-in). */
  private bargeIn(): void {
    if (!this.current) return;
    this.current.cut = true;
    this.session.audioOutput?.stop();
  }

  private async speakQueued(): Promise<void> {
    this.draining = true;
    try {
      await sleep(REPLY_DELAY_MS * this.session.options.timeScale, undefined, { ref: false });
      while (this.queue.length && this.session.state === 'active') {
        if (this.callerSpeakingSince !== undefined) return; // resumes when the turn ends
        const utterance: Utterance = { text: this.queue.shift() as string, cut: false };
        this.current = utterance;
        await this.speak(utterance);
        this.current = undefined;
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Input muted (or an injected turn): a turn the detector had open will never see its end, so
   * it is dropped rather than keeping the voice waiting for it.
   */
  forgetOpenTurn(): void {
    if (this.callerSpeakingSince === undefined) return;
    this.callerSpeakingSince = undefined;
    this.vad.configure(null);
    this.vad.configure(LIVE_TURN_DETECTION);
    if (this.queue.length && !this.draining) void this.speakQueued();
  }

  private async speak(utterance: Utterance): Promise<void> {
    const { session } = this;
    const msPerChar = session.options.speechMsPerChar;
    const startMs = Math.max(session.timelineMs(), this.outputCursorMs);
    const record = { text: utterance.text, startMs, cut: false };
    this.spoken.push(record);
    const wallMs = utterance.text.length * msPerChar * session.options.timeScale;
    void session.audioOutput?.play(wallMs);
    let cursor = startMs;
    for (const word of utterance.text.match(/\S+\s*/g) ?? []) {
      if (utterance.cut || session.state !== 'active') {
        record.cut = true;
        break;
      }
      const wordMs = word.length * msPerChar;
      session.emit({
        type: 'session.output_transcript.delta',
        delta: word,
        start_ms: cursor,
        end_ms: cursor + wordMs,
      });
      this.emitAudio(cursor, wordMs);
      cursor += wordMs;
      this.outputCursorMs = cursor;
      await sleep(wordMs * session.options.timeScale, undefined, { ref: false });
    }
  }

  /**
   * The words' audio: in the session's format on a primary WebSocket (no timestamps there), and
   * reflected to every sideband as 24 kHz PCM with `start_ms`/`end_ms`. The data channel carries
   * none: WebRTC audio is RTP.
   */
  private emitAudio(startMs: number, ms: number): void {
    const { session } = this;
    const format = session.resource.audio.format;
    if (format)
      session.emit(
        {
          type: 'session.output_audio.delta',
          delta: silence(audioFormatOf(format), ms).toString('base64'),
        },
        'primary',
      );
    session.emit(
      {
        type: 'session.output_audio.delta',
        delta: silence(REFLECTED_FORMAT, ms).toString('base64'),
        start_ms: startMs,
        end_ms: startMs + ms,
      },
      'sideband',
    );
  }

  /** A transcript's words as deltas, spread over [startMs, endMs] by their length. */
  private emitTimed(type: string, text: string, startMs: number, endMs: number): void {
    const words = text.match(/\S+\s*/g) ?? [];
    const total = Math.max(1, text.length);
    let offset = 0;
    for (const word of words) {
      const from = startMs + Math.round(((endMs - startMs) * offset) / total);
      offset += word.length;
      const to = startMs + Math.round(((endMs - startMs) * offset) / total);
      this.session.emit({ type, delta: word, start_ms: from, end_ms: to });
    }
  }

  private nextTranscript(): SpokenTurn {
    const { spokenTurns = [], defaultTranscript = '' } = this.session.scenario;
    const turn = spokenTurns[this.turnCount] ?? defaultTranscript;
    return typeof turn === 'string' ? { text: turn } : turn;
  }
}
