import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { startResponse } from './response-run.js';
/** Nominal length of an injected (`/__sim/…/say`) spoken turn, per character of its text. */ const INJECTED_MS_PER_CHAR = 60;
const TRANSCRIPTION_FAILED = {
    type: 'invalid_request_error',
    code: 'audio_unintelligible',
    message: 'The audio could not be transcribed.',
    param: null
};
/**
 * Turns detected speech (or an injected turn) into the events the real API sends:
 * speech_started → speech_stopped → committed → the user item → its transcription, then an
 * automatic response when `turn_detection.create_response` is on. Speech that starts while the
 * assistant speaks interrupts it when `interrupt_response` is on (barge-in).
 */ export class SpokenTurns {
    constructor(call){
        this.call = call;
        this.turnCount = 0;
        this.committedUpToMs = 0;
        /** Injected turns that arrived while the caller was speaking: they follow that turn. */ this.waiting = [];
    }
    /** Feeds received caller audio (16-bit mono PCM). */ pushAudio(samples, sampleRate) {
        this.call.vad.push(samples, sampleRate);
    }
    speechStarted(audioStartMs) {
        this.cancelIdleTimeout();
        this.currentItemId = ids.item();
        this.call.emit({
            type: 'input_audio_buffer.speech_started',
            audio_start_ms: audioStartMs,
            item_id: this.currentItemId
        });
        const td = this.call.session.audio.input.turn_detection;
        if (td?.interrupt_response) this.interrupt();
    }
    speechStopped(audioEndMs, speechMs) {
        const itemId = this.currentItemId ?? ids.item();
        this.currentItemId = undefined;
        this.call.emit({
            type: 'input_audio_buffer.speech_stopped',
            audio_end_ms: audioEndMs,
            item_id: itemId
        });
        this.committedUpToMs = audioEndMs;
        this.commit(itemId, speechMs, this.nextTranscript());
        for (const turn of this.waiting.splice(0))this.inject(turn);
    }
    /**
   * `POST /__sim/calls/{id}/say`: a spoken turn whose transcript is given. While the microphone's
   * turn is open it waits for that turn to end: every `speech_started` gets its `speech_stopped`,
   * one turn at a time.
   */ inject(turn) {
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
            item_id: itemId
        });
        this.turnCount += 1;
        this.commit(itemId, speechMs, turn);
    }
    /** Client `input_audio_buffer.commit` (needed when turn detection is off). */ commitBuffer() {
        const bufferedMs = Math.round(this.call.vad.positionMs - this.committedUpToMs);
        if (bufferedMs < 100) {
            throw OpenAIError.invalidRequest(`Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${bufferedMs}ms of audio.`, 'input_audio_buffer_commit_empty');
        }
        this.committedUpToMs = this.call.vad.positionMs;
        this.commit(ids.item(), bufferedMs, this.nextTranscript(), false);
    }
    clearBuffer() {
        this.committedUpToMs = this.call.vad.positionMs;
        this.call.emit({
            type: 'input_audio_buffer.cleared'
        });
    }
    /**
   * After a response, with `server_vad`'s `idle_timeout_ms`: that long without speech, the empty
   * audio is committed and answered (`input_audio_buffer.timeout_triggered`), as the real API
   * prompts a silent caller. The timer is wall-clock, scaled by `timeScale`.
   */ armIdleTimeout() {
        this.cancelIdleTimeout();
        const td = this.call.session.audio.input.turn_detection;
        if (td?.type !== 'server_vad' || !td.idle_timeout_ms) return;
        const startMs = Math.round(this.call.vad.positionMs);
        this.idleTimer = setTimeout(()=>this.idleTimedOut(startMs), td.idle_timeout_ms * this.call.options.timeScale);
        this.idleTimer.unref();
    }
    /**
   * `session.update` changed turn detection: a turn the detector had open is over (the detector
   * starts afresh), so it is closed here too and waiting injected turns are spoken; an armed idle
   * timer follows the new settings.
   */ turnDetectionChanged() {
        const open = this.currentItemId;
        if (open) {
            this.currentItemId = undefined;
            const at = Math.round(this.call.vad.positionMs);
            this.call.emit({
                type: 'input_audio_buffer.speech_stopped',
                audio_end_ms: at,
                item_id: open
            });
            this.call.emit({
                type: 'input_audio_buffer.cleared'
            });
        }
        if (this.idleTimer) this.armIdleTimeout();
        for (const turn of this.waiting.splice(0))this.inject(turn);
    }
    cancelIdleTimeout() {
        clearTimeout(this.idleTimer);
        this.idleTimer = undefined;
    }
    idleTimedOut(startMs) {
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
            item_id: itemId
        });
        this.committedUpToMs = call.vad.positionMs;
        this.commit(itemId, endMs - startMs, {
            text: ''
        });
    }
    nextTranscript() {
        this.turnCount += 1;
        const { spokenTurns = [], defaultTranscript = '' } = this.call.scenario;
        const turn = spokenTurns[this.turnCount - 1] ?? defaultTranscript;
        return typeof turn === 'string' ? {
            text: turn
        } : turn;
    }
    commit(itemId, speechMs, turn, autoRespond = true) {
        const { call } = this;
        this.cancelIdleTimeout();
        const transcript = turn.text;
        const previous = call.conversation.lastItemId();
        call.emit({
            type: 'input_audio_buffer.committed',
            previous_item_id: previous,
            item_id: itemId
        });
        const item = {
            id: itemId,
            object: 'realtime.item',
            type: 'message',
            status: 'completed',
            role: 'user',
            content: [
                {
                    type: 'input_audio',
                    transcript
                }
            ]
        };
        call.conversation.insert(item, undefined, {
            userAudioMs: speechMs,
            assistantAudioMs: 0
        });
        const shown = {
            ...item,
            content: [
                {
                    type: 'input_audio',
                    transcript: null
                }
            ]
        };
        call.emit({
            type: 'conversation.item.added',
            previous_item_id: previous,
            item: shown
        });
        call.emit({
            type: 'conversation.item.done',
            previous_item_id: previous,
            item: shown
        });
        if (call.session.audio.input.transcription) this.transcribe(itemId, speechMs, turn);
        const td = call.session.audio.input.turn_detection;
        if (!autoRespond || !td?.create_response) return;
        // A response this turn barged in on is still stopping: the turn is answered once it has.
        if (!call.activeResponse) startResponse(call, {});
        else if (call.activeResponse.stopping) call.answerWhenIdle = true;
    }
    /** The input transcription: word deltas then the whole transcript, or a failure. */ transcribe(itemId, speechMs, turn) {
        const where = {
            item_id: itemId,
            content_index: 0
        };
        if (turn.transcriptionFails) {
            this.call.emit({
                type: 'conversation.item.input_audio_transcription.failed',
                ...where,
                error: TRANSCRIPTION_FAILED
            });
            return;
        }
        for (const delta of turn.text.match(/\S+\s*/g) ?? [])this.call.emit({
            type: 'conversation.item.input_audio_transcription.delta',
            ...where,
            delta
        });
        this.call.emit({
            type: 'conversation.item.input_audio_transcription.completed',
            ...where,
            transcript: turn.text,
            usage: {
                type: 'duration',
                seconds: Math.round(speechMs / 100) / 10
            }
        });
    }
    interrupt() {
        const { call } = this;
        call.activeResponse?.cancel('turn_detected');
        call.stopAudio();
    }
}

//# sourceMappingURL=spoken-turns.js.map