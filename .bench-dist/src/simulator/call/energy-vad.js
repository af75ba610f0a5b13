/** Loud frames needed before speech counts as started (rejects clicks). */ const MIN_SPEECH_MS = 60;
const SEMANTIC_SILENCE_MS = {
    low: 1500,
    medium: 800,
    auto: 800,
    high: 400
};
/**
 * Energy voice-activity detection on received PCM, honouring the session's `turn_detection`.
 * `threshold` (0-1) maps linearly onto -60…-10 dBFS (0.5 → -35 dBFS); `semantic_vad` has no text
 * understanding here, so its eagerness picks the silence that ends a turn. Times are milliseconds
 * of received audio since the call began, as in `audio_start_ms` / `audio_end_ms`.
 */ export class EnergyVad {
    constructor(turnDetection, listener){
        this.turnDetection = turnDetection;
        this.listener = listener;
        this.receivedMs = 0;
        this.loudMs = 0;
        this.silentMs = 0;
        this.speaking = false;
        this.speechStartMs = 0;
        this.lastLoudEndMs = 0;
    }
    configure(turnDetection) {
        this.turnDetection = turnDetection;
        if (!turnDetection) this.reset();
    }
    get positionMs() {
        return this.receivedMs;
    }
    /** Feeds one frame of 16-bit mono PCM. */ push(samples, sampleRate) {
        const frameMs = samples.length / sampleRate * 1000;
        const frameStart = this.receivedMs;
        this.receivedMs += frameMs;
        const td = this.turnDetection;
        if (!td) return;
        const loud = dbfs(samples) >= this.thresholdDb(td);
        if (loud) {
            this.loudMs += frameMs;
            this.silentMs = 0;
            this.lastLoudEndMs = this.receivedMs;
            if (!this.speaking && this.loudMs >= MIN_SPEECH_MS) {
                this.speaking = true;
                const prefix = td.type === 'server_vad' ? td.prefix_padding_ms : 300;
                this.speechStartMs = Math.max(0, Math.round(frameStart + frameMs - this.loudMs - prefix));
                this.listener.speechStarted(this.speechStartMs);
            }
            return;
        }
        this.loudMs = 0;
        if (!this.speaking) return;
        this.silentMs += frameMs;
        if (this.silentMs >= this.silenceMs(td)) {
            this.speaking = false;
            const end = Math.round(this.lastLoudEndMs);
            this.listener.speechStopped(end, end - this.speechStartMs);
        }
    }
    reset() {
        this.loudMs = 0;
        this.silentMs = 0;
        this.speaking = false;
    }
    thresholdDb(td) {
        const threshold = td.type === 'server_vad' ? td.threshold : 0.5;
        return -60 + 50 * threshold;
    }
    silenceMs(td) {
        return td.type === 'server_vad' ? td.silence_duration_ms : SEMANTIC_SILENCE_MS[td.eagerness];
    }
}
/** Root-mean-square level of a frame in dB relative to full scale (silence → -Infinity). */ export function dbfs(samples) {
    if (samples.length === 0) return -Infinity;
    let sum = 0;
    for (const sample of samples)sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length) / 32768;
    return rms === 0 ? -Infinity : 20 * Math.log10(rms);
}

//# sourceMappingURL=energy-vad.js.map