import OpusScript from 'opusscript';
export const OPUS_RATE = 48_000;
/** 20 ms frames, as browsers send. */ export const FRAME_SAMPLES = 960;
/** 400 Hz fits exactly 8 periods in a 20 ms frame, so repeating one frame gives a clean tone. */ const TONE_HZ = 400;
const TONE_AMPLITUDE = 6000;
let toneFrame;
/** One Opus packet of a 400 Hz tone: the simulator's "voice". Encoded once, reused. */ export function opusToneFrame() {
    if (!toneFrame) {
        const encoder = new OpusScript(OPUS_RATE, 1, OpusScript.Application.VOIP);
        const pcm = new Int16Array(FRAME_SAMPLES);
        for(let i = 0; i < FRAME_SAMPLES; i++){
            pcm[i] = Math.round(TONE_AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * i / OPUS_RATE));
        }
        toneFrame = Buffer.from(encoder.encode(Buffer.from(pcm.buffer), FRAME_SAMPLES));
        encoder.delete();
    }
    return toneFrame;
}
/** Decodes a caller's Opus packets to 16-bit mono PCM at 48 kHz for voice-activity detection. */ export class OpusDecoder {
    decode(packet) {
        const pcm = this.decoder.decode(packet);
        return new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2);
    }
    close() {
        this.decoder.delete();
    }
    constructor(){
        this.decoder = new OpusScript(OPUS_RATE, 1, OpusScript.Application.VOIP);
    }
}

//# sourceMappingURL=opus-tone.js.map