import {
  alawToLinear,
  audioFormatOf,
  bytesForMs,
  decodeToPcm,
  msOfBytes,
  pcm16Bytes,
  resamplePcm16,
  silence,
  ulawToLinear,
} from './audio-format.js';

describe('audio formats', () => {
  it('sizes a duration in each format, and back', () => {
    const pcm = audioFormatOf({ type: 'audio/pcm', rate: 24000 });
    expect(bytesForMs(pcm, 50)).toBe(2400);
    expect(msOfBytes(pcm, 2400)).toBe(50);
    const ulaw = audioFormatOf({ type: 'audio/pcmu' });
    expect(bytesForMs(ulaw, 50)).toBe(400);
    expect(msOfBytes(ulaw, 400)).toBe(50);
    expect(audioFormatOf(undefined)).toEqual({ type: 'audio/pcm', rate: 24000 });
  });

  it('writes silence that decodes to (near) zero in every format', () => {
    for (const type of ['audio/pcm', 'audio/pcmu', 'audio/pcma'] as const) {
      const format = audioFormatOf({ type });
      const samples = decodeToPcm(format, silence(format, 20));
      expect(Math.max(...samples.map(Math.abs))).toBeLessThanOrEqual(8);
    }
  });

  it('decodes G.711 to the reference values (ITU-T G.711 tables)', () => {
    // μ-law: 0x00 is the most negative code, 0x80 the most positive, 0xFF zero.
    expect(ulawToLinear(0x00)).toBe(-32124);
    expect(ulawToLinear(0x80)).toBe(32124);
    expect(ulawToLinear(0xff)).toBe(0);
    // A-law: 0xD5 and 0x55 are the smallest positive and negative steps.
    expect(alawToLinear(0xd5)).toBe(8);
    expect(alawToLinear(0x55)).toBe(-8);
    expect(alawToLinear(0xaa)).toBe(32256);
    expect(alawToLinear(0x2a)).toBe(-32256);
  });

  it('resamples PCM16 by linear interpolation, and writes it little-endian', () => {
    const ramp = Int16Array.from([0, 100, 200, 300]);
    expect(resamplePcm16(ramp, 24_000, 24_000)).toBe(ramp);
    expect([...resamplePcm16(ramp, 8000, 16_000)]).toEqual([0, 50, 100, 150, 200, 250, 300, 300]);
    expect([...resamplePcm16(ramp, 48_000, 24_000)]).toEqual([0, 200]);
    expect([...pcm16Bytes(Int16Array.from([1, -2]))]).toEqual([1, 0, 0xfe, 0xff]);
  });
});
