import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { ConversationItem } from './conversation.js';
import type { VadListener } from './energy-vad.js';
import type { RealtimeCall } from './realtime-call.js';
import { startResponse } from './response-run.js';

/** Nominal length of an injected (`/__sim/…/say`) spoken turn, per character of its text. */
const INJECTED_MS_PER_CHAR = 60;

/**
 * Turns detected speech (or an injected turn) into the events the real API sends:
 * speech_started → speech_stopped → committed → the user item → its transcription, then an
 * automatic response when `turn_detection.create_response` is on. Speech that starts while the
 * assistant speaks interrupts it when `interrupt_response` is on (barge-in).
 */
export class SpokenTurns implements VadListener {
  private turnCount = 0;
  private currentItemId?: string;
  private committedUpToMs = 0;
  /** Injected turns that arrived while the caller was speaking: they follow that turn. */
  private readonly waiting: string[] = [];

  constructor(private readonly call: RealtimeCall) {}

  /** Feeds received caller audio (16-bit mono PCM). */
  pushAudio(samples: Int16Array, sampleRate: number): void {
    this.call.vad.push(samples, sampleRate);
  }

  speechStarted(audioStartMs: number): void {
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
    for (const text of this.waiting.splice(0)) this.inject(text);
  }

  /**
   * `POST /__sim/calls/{id}/say`: a spoken turn whose transcript is given. While the microphone's
   * turn is open it waits for that turn to end: every `speech_started` gets its `speech_stopped`,
   * one turn at a time.
   */
  inject(text: string): void {
    if (this.currentItemId) {
      this.waiting.push(text);
      return;
    }
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
    this.commit(itemId, speechMs, text);
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

  private nextTranscript(): string {
    this.turnCount += 1;
    const { spokenTurns = [], defaultTranscript = '' } = this.call.scenario;
    return spokenTurns[this.turnCount - 1] ?? defaultTranscript;
  }

  private commit(itemId: string, speechMs: number, transcript: string, autoRespond = true): void {
    const { call } = this;
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
    if (call.session.audio.input.transcription) {
      call.emit({
        type: 'conversation.item.input_audio_transcription.completed',
        item_id: itemId,
        content_index: 0,
        transcript,
        usage: { type: 'duration', seconds: Math.round(speechMs / 100) / 10 },
      });
    }
    const td = call.session.audio.input.turn_detection;
    if (autoRespond && td?.create_response && !call.activeResponse) startResponse(call, {});
  }

  private interrupt(): void {
    const { call } = this;
    call.activeResponse?.cancel('turn_detected');
    call.stopAudio();
  }
}
