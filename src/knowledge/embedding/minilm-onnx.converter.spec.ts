import { createHash } from 'node:crypto';

import onnxProto from 'onnx-proto';

import { convertMiniLmToOnnx } from './minilm-onnx.converter.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe(convertMiniLmToOnnx.name, () => {
  it('is byte-for-byte deterministic and gives a ~90 MB fp32 and a ~23.5 MB int8 graph', async () => {
    const first = await convertMiniLmToOnnx();
    const second = await convertMiniLmToOnnx();
    expect(sha256(second.fp32)).toBe(sha256(first.fp32));
    expect(sha256(second.q8)).toBe(sha256(first.q8));
    expect(first.fp32.length / 1e6).toBeCloseTo(90.3, 0);
    expect(first.q8.length / 1e6).toBeGreaterThan(23);
    expect(first.q8.length / 1e6).toBeLessThan(24);
  });

  it('declares the standard BERT inputs and output on opset 17, int8 weights widened in the graph', async () => {
    const { q8 } = await convertMiniLmToOnnx();
    const model = onnxProto.onnx.ModelProto.decode(q8);
    const graph = model.graph!;
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
    expect(graph.input!.map((i) => i.name)).toEqual([
      'input_ids',
      'attention_mask',
      'token_type_ids',
    ]);
    expect(graph.output!.map((o) => o.name)).toEqual(['last_hidden_state']);
    const dims = graph.output![0]!.type!.tensorType!.shape!.dim!.map(
      (d) => d.dimParam || Number(d.dimValue),
    );
    expect(dims).toEqual(['batch_size', 'sequence_length', 384]);
    const int8 = graph.initializer!.filter(
      (t) => t.dataType === onnxProto.onnx.TensorProto.DataType.INT8,
    );
    // 6 layers × 6 Linear weights, each widened by a Cast, and the word embeddings, gathered as int8.
    expect(int8.filter((t) => t.name!.endsWith('_quantized'))).toHaveLength(37);
    const readers = graph.node!.filter((n) => n.input![0]!.endsWith('_quantized'));
    expect(readers.filter((n) => n.opType === 'Cast')).toHaveLength(36);
    expect(readers.filter((n) => n.opType === 'Gather')).toHaveLength(1);
  });
});
