import { writeFileSync } from 'node:fs';
/**
 * Writes a 16-bit mono WAV: silence, a tone, silence. Chromium plays it (looped) as the fake
 * microphone, so the far end hears a spoken turn with a clear start and end.
 */ export function writeTurnWav(path, silenceMs, toneMs, trailingMs) {
    const rate = 48_000;
    const samples = Math.round((silenceMs + toneMs + trailingMs) / 1000 * rate);
    const data = Buffer.alloc(samples * 2);
    const toneStart = silenceMs / 1000 * rate;
    const toneEnd = toneStart + toneMs / 1000 * rate;
    for(let i = 0; i < samples; i++){
        const value = i >= toneStart && i < toneEnd ? Math.round(9000 * Math.sin(2 * Math.PI * 300 * i / rate)) : 0;
        data.writeInt16LE(value, i * 2);
    }
    const header = Buffer.alloc(44);
    header.write('RIFF', 0);
    header.writeUInt32LE(36 + data.length, 4);
    header.write('WAVE', 8);
    header.write('fmt ', 12);
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(rate, 24);
    header.writeUInt32LE(rate * 2, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36);
    header.writeUInt32LE(data.length, 40);
    writeFileSync(path, Buffer.concat([
        header,
        data
    ]));
}

//# sourceMappingURL=wav.js.map