import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { ServerEvent } from './call-types.js';
import type { ConversationItem } from './conversation.js';
import type { VadListener } from './energy-vad.js';
import type { RealtimeCall } from './realtime-call.js';
import { startResponse } from './response-run.js';

/** Nominal length of an injected (`/__sim/…/say`) spoken turn, per character of its text. */
const INJECTED_MS_PER_CHAR = 60;

/** A spoken turn as a scenario or `/say` gives it: its transcript, or a transcription failure. */
export interface SpokenTurn {
  readonly text: string;
  /** The input transcription fails (`…input_audio_transcription.failed`) instead of completing. */
  readonly transcriptionFails?: boolean;
}

const TRANSCRIPTION_FAILED = {
  type: 'invalid_request_error',
  code: 'audio_unintelligible',
  message: 'The audio could not be transcribed.',
  param: null,
};

/**
 * Turns detected speech (or an injected turn) into the events the real API sends:
 * speech_started → speech_stopped → committed → the user item → its transcription (at once, or
 * after `transcriptionDelayMs`, possibly among the response's events), then an automatic response
 * when `turn_detection.create_response` is on. Speech that starts while the
 * assistant speaks interrupts it when `interrupt_response` is on (barge-in).
 */
export class SpokenTurns implements VadListener {
  private turnCount = 0;
  private currentItemId?: string;
  private committedUpToMs = 0;
  /** Injected turns that arrived while the caller was speaking: they follow that turn. */
  private readonly waiting: SpokenTurn[] = [];
  private idleTimer?: NodeJS.Timeout;
  /** Timers of transcriptions still under way (see `transcriptionDelayMs`); cleared on `stop`. */
  private readonly transcriptionTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly call: RealtimeCall) {}

  /** Feeds received caller audio (16-bit mono PCM). */
  pushAudio(samples: Int16Array, sampleRate: number): void {
    this.call.vad.push(samples, sampleRate);
  }

  speechStarted(audioStartMs: number): void {
    this.cancelIdleTimeout();
    this.currentItemId = ids.item();
    this.call.emit({
      type: 'input_audio_buffer.speech_started',
      audio_start_ms: audioStartMs,
      item_id: this.currentItemId,
    });
    const td = this.call.session.audio.input.turn_detection;
    if (td?.interrupt_response) this.interrupt();
  }

  speechStopped(audioEndMs: number, speechMs: number): void {
    const itemId = this.currentItemId ?? ids.item();
    this.currentItemId = undefined;
    this.call.emit({
      type: 'input_audio_buffer.speech_stopped',
      audio_end_ms: audioEndMs,
      item_id: itemId,
    });
    this.committedUpToMs = audioEndMs;
    this.commit(itemId, speechMs, this.nextTranscript());
    for (const turn of this.waiting.splice(0)) this.inject(turn);
  }

  /**
   * `POST /__sim/calls/{id}/say`: a spoken turn whose transcript is given. While the microphone's
   * turn is open it waits for that turn to end: every `speech_started` gets its `speech_stopped`,
   * one turn at a time.
   */
  inject(turn: SpokenTurn): void {
    if (this.currentItemId) {
      this.waiting.push(turn);
      return;
    }
    const { text } = turn;
    const start = Math.round(this.call.vad.positionMs);
    const speechMs = text.length * INJECTED_MS_PER_CHAR;
    this.speechStarted(start);
    const itemId = this.currentItemId ?? ids.item();
    this.currentItemId = undefined;
    this.call.emit({
      type: 'input_audio_buffer.speech_stopped',
      audio_end_ms: start + speechMs,
      item_id: itemId,
    });
    this.turnCount += 1;
    this.commit(itemId, speechMs, turn);
  }

  /** Client `input_audio_buffer.commit` (needed when turn detection is off). */
  commitBuffer(): void {
    const bufferedMs = Math.round(this.call.vad.positionMs - this.committedUpToMs);
    if (bufferedMs < 100) {
      throw OpenAIError.invalidRequest(
        `Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${bufferedMs}ms of audio.`,
        'input_audio_buffer_commit_empty',
      );
    }
    this.committedUpToMs = this.call.vad.positionMs;
    this.commit(ids.item(), bufferedMs, this.nextTranscript(), false);
  }

  clearBuffer(): void {
    this.committedUpToMs = this.call.vad.positionMs;
    this.call.emit({ type: 'input_audio_buffer.cleared' });
  }

  /**
   * After a response, with `server_vad`'s `idle_timeout_ms`: that long without speech, the empty
   * audio is committed and answered (`input_audio_buffer.timeout_triggered`), as the real API
   * prompts a silent caller. The timer is wall-clock, scaled by `timeScale`.
   */
  armIdleTimeout(): void {
    this.cancelIdleTimeout();
    const td = this.call.session.audio.input.turn_detection;
    if (td?.type !== 'server_vad' || !td.idle_timeout_ms) return;
    const startMs = Math.round(this.call.vad.positionMs);
    this.idleTimer = setTimeout(
      () => this.idleTimedOut(startMs),
      td.idle_timeout_ms * this.call.options.timeScale,
    );
    this.idleTimer.unref();
  }

  /**
   * `session.update` changed turn detection: a turn the detector had open is over (the detector
   * starts afresh), so it is closed here too and waiting injected turns are spoken; an armed idle
   * timer follows the new settings.
   */
  turnDetectionChanged(): void {
    const open = this.currentItemId;
    if (open) {
      this.currentItemId = undefined;
      const at = Math.round(this.call.vad.positionMs);
      this.call.emit({
        type: 'input_audio_buffer.speech_stopped',
        audio_end_ms: at,
        item_id: open,
      });
      this.call.emit({ type: 'input_audio_buffer.cleared' });
    }
    if (this.idleTimer) this.armIdleTimeout();
    for (const turn of this.waiting.splice(0)) this.inject(turn);
  }

  cancelIdleTimeout(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /**
   * The call ended: clears every pending timer (the idle timeout, transcriptions still under way),
   * so nothing is emitted for a call that is gone.
   */
  stop(): void {
    this.cancelIdleTimeout();
    for (const timer of this.transcriptionTimers) clearTimeout(timer);
    this.transcriptionTimers.clear();
  }

  private idleTimedOut(startMs: number): void {
    this.idleTimer = undefined;
    const { call } = this;
    const td = call.session.audio.input.turn_detection;
    if (td?.type !== 'server_vad' || !td.idle_timeout_ms) return;
    if (call.state !== 'active' || this.currentItemId || call.activeResponse) return;
    const itemId = ids.item();
    const endMs = Math.round(call.vad.positionMs);
    call.emit({
      type: 'input_audio_buffer.timeout_triggered',
      audio_start_ms: startMs,
      audio_end_ms: endMs,
      item_id: itemId,
    });
    this.committedUpToMs = call.vad.positionMs;
    this.commit(itemId, endMs - startMs, { text: '' });
  }

  private nextTranscript(): SpokenTurn {
    this.turnCount += 1;
    const { spokenTurns = [], defaultTranscript = '' } = this.call.scenario;
    const turn = spokenTurns[this.turnCount - 1] ?? defaultTranscript;
    return typeof turn === 'string' ? { text: turn } : turn;
  }

  private commit(itemId: string, speechMs: number, turn: SpokenTurn, autoRespond = true): void {
    const { call } = this;
    this.cancelIdleTimeout();
    const transcript = turn.text;
    const previous = call.conversation.lastItemId();
    call.emit({
      type: 'input_audio_buffer.committed',
      previous_item_id: previous,
      item_id: itemId,
    });
    const item: ConversationItem = {
      id: itemId,
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: 'user',
      content: [{ type: 'input_audio', transcript }],
    };
    call.conversation.insert(item, undefined, { userAudioMs: speechMs, assistantAudioMs: 0 });
    const shown = { ...item, content: [{ type: 'input_audio', transcript: null }] };
    call.emit({ type: 'conversation.item.added', previous_item_id: previous, item: shown });
    call.emit({ type: 'conversation.item.done', previous_item_id: previous, item: shown });
    if (call.session.audio.input.transcription) this.transcribe(itemId, speechMs, turn);
    const td = call.session.audio.input.turn_detection;
    if (!autoRespond || !td?.create_response) return;
    // A response this turn barged in on is still stopping: the turn is answered once it has.
    if (!call.activeResponse) startResponse(call, {});
    else if (call.activeResponse.stopping) call.answerWhenIdle = true;
  }

  /**
   * The input transcription of a committed turn. As in the real API it runs asynchronously
   * ("before or after response events"): with `transcriptionDelayMs` its events are spread over
   * that much simulated time; with 0 they are sent at once, right after the user item.
   */
  private transcribe(itemId: string, speechMs: number, turn: SpokenTurn): void {
    const events = transcriptionEvents(itemId, speechMs, turn);
    const { transcriptionDelayMs, timeScale } = this.call.options;
    const delayMs = transcriptionDelayMs * timeScale;
    // `!(… > 0)` also treats a NaN or negative delay as none, rather than scheduling nonsense.
    if (!(delayMs > 0)) {
      for (const event of events) this.call.emit(event);
      return;
    }
    this.emitSpread(events, delayMs);
  }

  /**
   * Emits `events` evenly over `delayMs` of wall time, the last one at `delayMs`. Each timer
   * schedules the next, so they cannot overtake one another; each aims at its own due time from
   * the start, so timers that fire late (or are clamped to 1 ms) do not add up.
   */
  private emitSpread(events: readonly ServerEvent[], delayMs: number): void {
    const startedAt = performance.now();
    const emitFrom = (index: number): void => {
      if (index >= events.length) return;
      const dueAt = startedAt + (delayMs * (index + 1)) / events.length;
      const timer = setTimeout(
        () => {
          this.transcriptionTimers.delete(timer);
          this.call.emit(events[index]);
          emitFrom(index + 1);
        },
        Math.max(0, dueAt - performance.now()),
      );
      // Like the idle timer: a pending transcription must not keep the process alive.
      timer.unref();
      this.transcriptionTimers.add(timer);
    };
    emitFrom(0);
  }

  private interrupt(): void {
    const { call } = this;
    call.activeResponse?.cancel('turn_detected');
    call.stopAudio();
  }
}

/** The input transcription's events: word deltas then the whole transcript, or one failure. */
function transcriptionEvents(itemId: string, speechMs: number, turn: SpokenTurn): ServerEvent[] {
  const where = { item_id: itemId, content_index: 0 };
  if (turn.transcriptionFails) {
    return [
      {
        type: 'conversation.item.input_audio_transcription.failed',
        ...where,
        error: TRANSCRIPTION_FAILED,
      },
    ];
  }
  const deltas = (turn.text.match(/\S+\s*/g) ?? []).map((delta) => ({
    type: 'conversation.item.input_audio_transcription.delta',
    ...where,
    delta,
  }));
  const completed = {
    type: 'conversation.item.input_audio_transcription.completed',
    ...where,
    transcript: turn.text,
    usage: { type: 'duration', seconds: Math.round(speechMs / 100) / 10 },
  };
  return [...deltas, completed];
}
