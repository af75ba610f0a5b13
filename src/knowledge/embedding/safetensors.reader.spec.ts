import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { fp16ToFp32, readSafetensors } from './safetensors.reader.js';

function fp16(...bits: number[]): Uint8Array {
  return new Uint8Array(Uint16Array.from(bits).buffer);
}

describe(fp16ToFp32.name, () => {
  it('decodes normal, subnormal, signed and special values exactly', () => {
    const out = fp16ToFp32(fp16(0x3c00, 0xc000, 0x3555, 0x0001, 0x7bff, 0x8000, 0x7c00, 0x7e00));
    expect(Array.from(out.subarray(0, 6))).toEqual([1, -2, 0.333251953125, 2 ** -24, 65504, -0]);
    expect(out[6]).toBe(Infinity);
    expect(out[7]).toBeNaN();
  });
});

describe(readSafetensors.name, () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'safetensors-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads F16 and F32 tensors with their shapes and skips integer ones', async () => {
    const header = JSON.stringify({
      __metadata__: { format: 'pt' },
      ids: { dtype: 'I64', shape: [1], data_offsets: [0, 8] },
      half: { dtype: 'F16', shape: [2], data_offsets: [8, 12] },
      full: { dtype: 'F32', shape: [1, 1], data_offsets: [12, 16] },
    });
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(header.length));
    const data = Buffer.concat([
      Buffer.alloc(8),
      fp16(0x3c00, 0x4000),
      Buffer.from(Float32Array.of(0.5).buffer),
    ]);
    const file = join(dir, 'tiny.safetensors');
    await writeFile(file, Buffer.concat([length, Buffer.from(header), data]));

    const tensors = await readSafetensors(file);
    expect([...tensors.keys()]).toEqual(['half', 'full']);
    expect(tensors.get('half')).toEqual({ shape: [2], data: Float32Array.of(1, 2) });
    expect(tensors.get('full')).toEqual({ shape: [1, 1], data: Float32Array.of(0.5) });
  });
});
