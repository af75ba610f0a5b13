/**
 * The session's audio formats (`audio.input.format`, `audio.output.format`): what a number of
 * milliseconds is in bytes, silence in each, and G.711 decoding of caller audio. Client SDKs measure
 * playback from the bytes they receive, so bytes, duration and usage must agree.
 */
export type AudioFormat =
  | { readonly type: 'audio/pcm'; readonly rate: number }
  | { readonly type: 'audio/pcmu' }
  | { readonly type: 'audio/pcma' };

const G711_RATE = 8000;

/** The format a session config names; 24 kHz PCM16 when it names none the API knows. */
export function audioFormatOf(format: Record<string, unknown> | undefined): AudioFormat {
  if (format?.type === 'audio/pcmu') return { type: 'audio/pcmu' };
  if (format?.type === 'audio/pcma') return { type: 'audio/pcma' };
  return { type: 'audio/pcm', rate: typeof format?.rate === 'number' ? format.rate : 24000 };
}

export function sampleRateOf(format: AudioFormat): number {
  return format.type === 'audio/pcm' ? format.rate : G711_RATE;
}

/** Bytes per sample: PCM16 takes two, G.711 one. */
function sampleBytes(format: AudioFormat): number {
  return format.type === 'audio/pcm' ? 2 : 1;
}

export function bytesForMs(format: AudioFormat, ms: number): number {
  return Math.round((ms * sampleRateOf(format)) / 1000) * sampleBytes(format);
}

export function msOfBytes(format: AudioFormat, bytes: number): number {
  return (bytes / sampleBytes(format) / sampleRateOf(format)) * 1000;
}

/** `ms` of silence in the format (PCM zeros; G.711's silence codes 0xFF and 0xD5). */
export function silence(format: AudioFormat, ms: number): Buffer {
  const fill = format.type === 'audio/pcmu' ? 0xff : format.type === 'audio/pcma' ? 0xd5 : 0;
  return Buffer.alloc(bytesForMs(format, ms), fill);
}

/** Caller audio as 16-bit PCM samples, whatever format the session receives it in. */
export function decodeToPcm(format: AudioFormat, bytes: Buffer): Int16Array {
  if (format.type === 'audio/pcm')
    return new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 2));
  const decode = format.type === 'audio/pcmu' ? ulawToLinear : alawToLinear;
  const samples = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) samples[i] = decode(bytes[i]);
  return samples;
}

/** PCM16 at `fromRate` as PCM16 at `toRate` (linear interpolation; the same samples if equal). */
export function resamplePcm16(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return samples;
  const out = new Int16Array(Math.floor((samples.length * toRate) / fromRate));
  for (let i = 0; i < out.length; i++) {
    const at = (i * fromRate) / toRate;
    const low = Math.floor(at);
    const high = Math.min(low + 1, samples.length - 1);
    out[i] = Math.round(samples[low] + (samples[high] - samples[low]) * (at - low));
  }
  return out;
}

/** PCM16 samples as little-endian bytes. */
export function pcm16Bytes(samples: Int16Array): Buffer {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i], i * 2);
  return bytes;
}

/** ITU-T G.711 μ-law → linear PCM16. */
export function ulawToLinear(code: number): number {
  const u = ~code & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
  return sign ? -magnitude : magnitude;
}

/** ITU-T G.711 A-law → linear PCM16. */
export function alawToLinear(code: number): number {
  const a = code ^ 0x55;
  const sign = a & 0x80;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude =
    exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return sign ? magnitude : -magnitude;
}
