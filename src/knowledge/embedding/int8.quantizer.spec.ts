import { quantizeColumns } from './int8.quantizer.js';

describe(quantizeColumns.name, () => {
  it('scales each column by max|x| / 127 and rounds symmetrically', () => {
    // 2 rows × 3 columns; the last column is all zeros.
    const { values, scales } = quantizeColumns(Float32Array.of(1, -0.5, 0, -0.25, 0.5, 0), 2, 3);
    expect(Array.from(scales)).toEqual([Math.fround(1 / 127), Math.fround(0.5 / 127), 1]);
    expect(Array.from(values)).toEqual([127, -127, 0, -32, 127, 0]);
  });

  it('keeps the dequantized error within half a step', () => {
    const data = Float32Array.from({ length: 64 * 8 }, (_, i) => Math.sin(i * 1.7) * (1 + (i % 8)));
    const { values, scales } = quantizeColumns(data, 64, 8);
    data.forEach((x, i) => {
      const scale = scales[i % 8]!;
      expect(Math.abs(values[i]! * scale - x)).toBeLessThanOrEqual(scale / 2 + 1e-7);
    });
  });
});
