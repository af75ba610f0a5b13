import onnxProto from 'onnx-proto';
const { onnx } = onnxProto;
/** ONNX element types used by the graphs built here. */ export const ElementType = {
    float: onnx.TensorProto.DataType.FLOAT,
    int8: onnx.TensorProto.DataType.INT8,
    int64: onnx.TensorProto.DataType.INT64
};
/** Node attribute helpers (ONNX needs the attribute type spelled out). */ export const attr = {
    int: (name, i)=>({
            name,
            i,
            type: onnx.AttributeProto.AttributeType.INT
        }),
    ints: (name, ints)=>({
            name,
            ints,
            type: onnx.AttributeProto.AttributeType.INTS
        }),
    float: (name, f)=>({
            name,
            f,
            type: onnx.AttributeProto.AttributeType.FLOAT
        })
};
function bytesOf(view) {
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
function valueInfo(spec) {
    const dim = spec.dims.map((d)=>typeof d === 'string' ? {
            dimParam: d
        } : {
            dimValue: d
        });
    return {
        name: spec.name,
        type: {
            tensorType: {
                elemType: spec.type,
                shape: {
                    dim
                }
            }
        }
    };
}
/**
 * Accumulates nodes and initializers in insertion order and serialises them as an ONNX model.
 * Names are derived from a counter, never from time or randomness, so the same calls always give
 * the same bytes.
 */ export class OnnxGraphBuilder {
    /** Adds a node with one output and returns that output's name. */ op(opType, inputs, attributes = [], output) {
        const name = `${opType}_${this.nodeCount++}`;
        const out = output ?? `${name}_out`;
        this.nodes.push({
            name,
            opType,
            input: inputs,
            output: [
                out
            ],
            attribute: attributes
        });
        return out;
    }
    floats(name, dims, data) {
        return this.initializer(name, dims, ElementType.float, bytesOf(data));
    }
    int8s(name, dims, data) {
        return this.initializer(name, dims, ElementType.int8, bytesOf(data));
    }
    int64s(name, values) {
        const data = BigInt64Array.from(values, (v)=>BigInt(v));
        return this.initializer(name, [
            values.length
        ], ElementType.int64, bytesOf(data));
    }
    /** A float scalar constant (rank 0), shared by name. */ scalar(name, value) {
        return this.initializer(name, [], ElementType.float, bytesOf(Float32Array.of(value)));
    }
    toBytes(graphName, inputs, outputs, opset) {
        const model = onnx.ModelProto.create({
            irVersion: 8,
            producerName: 'switchboard',
            opsetImport: [
                {
                    domain: '',
                    version: opset
                }
            ],
            graph: {
                name: graphName,
                node: this.nodes,
                initializer: this.initializers,
                input: inputs.map(valueInfo),
                output: outputs.map(valueInfo)
            }
        });
        return onnx.ModelProto.encode(model).finish();
    }
    initializer(name, dims, type, raw) {
        if (this.initializerNames.has(name)) return name;
        this.initializerNames.add(name);
        this.initializers.push({
            name,
            dims: [
                ...dims
            ],
            dataType: type,
            rawData: raw
        });
        return name;
    }
    constructor(){
        this.nodes = [];
        this.initializers = [];
        this.initializerNames = new Set();
        this.nodeCount = 0;
    }
}

//# sourceMappingURL=onnx-graph.builder.js.map