/** A row-major 2-D matrix quantized to int8 with one symmetric scale per column. */ // Hand-rolled abs and round: Math.* calls cost ~0.5 µs each inside Jest's VM context, which
// turns a 1 s conversion into minutes under test. Rounds half away from zero (symmetric).
function roundToInt8(v) {
    const q = v >= 0 ? v + 0.5 | 0 : -(0.5 - v | 0);
    return q > 127 ? 127 : q < -127 ? -127 : q;
}
/**
 * Symmetric per-column int8 quantization of a row-major `rows × cols` matrix: each column `c`
 * gets `scale[c] = max|x| / 127` and `q = round(x / scale)`, so `x ≈ q * scale` with a zero
 * point of 0. -128 is never used, keeping the range symmetric.
 */ export function quantizeColumns(data, rows, cols) {
    const maxAbs = new Float32Array(cols);
    for(let r = 0; r < rows; r++){
        const row = r * cols;
        for(let c = 0; c < cols; c++){
            const x = data[row + c];
            const a = x < 0 ? -x : x;
            if (a > maxAbs[c]) maxAbs[c] = a;
        }
    }
    // An all-zero column keeps scale 1 so dequantization never divides by or multiplies with 0/NaN.
    const scales = maxAbs.map((m)=>m > 0 ? m / 127 : 1);
    const values = new Int8Array(rows * cols);
    for(let r = 0; r < rows; r++){
        const row = r * cols;
        for(let c = 0; c < cols; c++)values[row + c] = roundToInt8(data[row + c] / scales[c]);
    }
    return {
        values,
        scales
    };
}

//# sourceMappingURL=int8.quantizer.js.map