import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

type Attribute = onnxProto.onnx.IAttributeProto;
type Tensor = onnxProto.onnx.ITensorProto;
type Node = onnxProto.onnx.INodeProto;

/** ONNX element types used by the graphs built here. */
export const ElementType = {
  float: onnx.TensorProto.DataType.FLOAT,
  int8: onnx.TensorProto.DataType.INT8,
  int64: onnx.TensorProto.DataType.INT64,
} as const;

/** A graph input or output: a name, an element type and dims (a string names a free dim). */
export interface ValueSpec {
  readonly name: string;
  readonly type: number;
  readonly dims: readonly (number | string)[];
}

/** Node attribute helpers (ONNX needs the attribute type spelled out). */
export const attr = {
  int: (name: string, i: number): Attribute => ({
    name,
    i,
    type: onnx.AttributeProto.AttributeType.INT,
  }),
  ints: (name: string, ints: number[]): Attribute => ({
    name,
    ints,
    type: onnx.AttributeProto.AttributeType.INTS,
  }),
  float: (name: string, f: number): Attribute => ({
    name,
    f,
    type: onnx.AttributeProto.AttributeType.FLOAT,
  }),
};

function bytesOf(view: Float32Array | Int8Array | BigInt64Array): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function valueInfo(spec: ValueSpec): onnxProto.onnx.IValueInfoProto {
  const dim = spec.dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name: spec.name, type: { tensorType: { elemType: spec.type, shape: { dim } } } };
}

/**
 * Accumulates nodes and initializers in insertion order and serialises them as an ONNX model.
 * Names are derived from a counter, never from time or randomness, so the same calls always give
 * the same bytes.
 */
export class OnnxGraphBuilder {
  private readonly nodes: Node[] = [];
  private readonly initializers: Tensor[] = [];
  private readonly initializerNames = new Set<string>();
  private nodeCount = 0;

  /** Adds a node with one output and returns that output's name. */
  op(opType: string, inputs: string[], attributes: Attribute[] = [], output?: string): string {
    const name = `${opType}_${this.nodeCount++}`;
    const out = output ?? `${name}_out`;
    this.nodes.push({ name, opType, input: inputs, output: [out], attribute: attributes });
    return out;
  }

  floats(name: string, dims: readonly number[], data: Float32Array): string {
    return this.initializer(name, dims, ElementType.float, bytesOf(data));
  }

  int8s(name: string, dims: readonly number[], data: Int8Array): string {
    return this.initializer(name, dims, ElementType.int8, bytesOf(data));
  }

  int64s(name: string, values: readonly number[]): string {
    const data = BigInt64Array.from(values, (v) => BigInt(v));
    return this.initializer(name, [values.length], ElementType.int64, bytesOf(data));
  }

  /** A float scalar constant (rank 0), shared by name. */
  scalar(name: string, value: number): string {
    return this.initializer(name, [], ElementType.float, bytesOf(Float32Array.of(value)));
  }

  toBytes(graphName: string, inputs: ValueSpec[], outputs: ValueSpec[], opset: number): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'switchboard',
      opsetImport: [{ domain: '', version: opset }],
      graph: {
        name: graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: inputs.map(valueInfo),
        output: outputs.map(valueInfo),
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }

  private initializer(
    name: string,
    dims: readonly number[],
    type: number,
    raw: Uint8Array,
  ): string {
    if (this.initializerNames.has(name)) return name;
    this.initializerNames.add(name);
    this.initializers.push({ name, dims: [...dims], dataType: type, rawData: raw });
    return name;
  }
}
