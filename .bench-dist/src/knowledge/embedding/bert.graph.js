import { setImmediate } from 'node:timers/promises';
import { attr, ElementType, OnnxGraphBuilder } from './onnx-graph.builder.js';
import { fp32Weights } from './weight.encoders.js';
const OPSET = 17;
// Large enough that exp() of a padded key's score is exactly 0 in fp32, small enough not to overflow.
const MASKED = -10000;
let BertGraph = class BertGraph {
    constructor(weights, shape, encoder){
        this.weights = weights;
        this.shape = shape;
        this.encoder = encoder;
        this.g = new OnnxGraphBuilder();
    }
    w(name) {
        const tensor = this.weights.get(name);
        if (!tensor) throw new Error(`BERT weight ${name} is missing from the checkpoint`);
        return tensor;
    }
    vector(name) {
        const t = this.w(name);
        return this.g.floats(name, t.shape, t.data);
    }
    layerNorm(x, prefix, output) {
        const eps = attr.float('epsilon', this.shape.layer_norm_eps);
        const inputs = [
            x,
            this.vector(`${prefix}.weight`),
            this.vector(`${prefix}.bias`)
        ];
        return this.g.op('LayerNormalization', inputs, [
            attr.int('axis', -1),
            eps
        ], output);
    }
    dense(x, prefix) {
        const weight = this.encoder.linear(this.g, `${prefix}.weight`, this.w(`${prefix}.weight`));
        return this.g.op('Add', [
            this.g.op('MatMul', [
                x,
                weight
            ]),
            this.vector(`${prefix}.bias`)
        ]);
    }
    embeddings() {
        const { g } = this;
        const words = this.encoder.lookup(g, 'embeddings.word_embeddings.weight', this.w('embeddings.word_embeddings.weight'), 'input_ids');
        const seqLen = g.op('Shape', [
            'input_ids'
        ], [
            attr.int('start', 1),
            attr.int('end', 2)
        ]);
        const positions = g.op('Slice', [
            this.vector('embeddings.position_embeddings.weight'),
            g.int64s('zero_1d', [
                0
            ]),
            seqLen,
            g.int64s('zero_1d', [
                0
            ])
        ]);
        const typeTable = this.w('embeddings.token_type_embeddings.weight');
        const types = fp32Weights.lookup(g, 'embeddings.token_type_embeddings.weight', typeTable, 'token_type_ids');
        const sum = g.op('Add', [
            g.op('Add', [
                words,
                positions
            ]),
            types
        ]);
        return this.layerNorm(sum, 'embeddings.LayerNorm');
    }
    /** `(1 - mask) * MASKED`, shaped `[batch, 1, 1, seq]` to broadcast over heads and queries. */ maskBias() {
        const { g } = this;
        const mask = g.op('Cast', [
            'attention_mask'
        ], [
            attr.int('to', ElementType.float)
        ]);
        const inverted = g.op('Sub', [
            g.scalar('one', 1),
            mask
        ]);
        const bias = g.op('Mul', [
            inverted,
            g.scalar('masked_score', MASKED)
        ]);
        return g.op('Unsqueeze', [
            bias,
            g.int64s('mask_axes', [
                1,
                2
            ])
        ]);
    }
    heads(x, perm) {
        const { num_attention_heads: heads, hidden_size: hidden } = this.shape;
        const split = this.g.op('Reshape', [
            x,
            this.g.int64s('head_shape', [
                0,
                0,
                heads,
                hidden / heads
            ])
        ]);
        return this.g.op('Transpose', [
            split
        ], [
            attr.ints('perm', perm)
        ]);
    }
    layer(x, maskBias, index, output) {
        const { g } = this;
        const p = `encoder.layer.${index}`;
        const headSize = this.shape.hidden_size / this.shape.num_attention_heads;
        const q = this.heads(this.dense(x, `${p}.attention.self.query`), [
            0,
            2,
            1,
            3
        ]);
        const k = this.heads(this.dense(x, `${p}.attention.self.key`), [
            0,
            2,
            3,
            1
        ]);
        const v = this.heads(this.dense(x, `${p}.attention.self.value`), [
            0,
            2,
            1,
            3
        ]);
        const scores = g.op('Div', [
            g.op('MatMul', [
                q,
                k
            ]),
            g.scalar('sqrt_head_size', Math.sqrt(headSize))
        ]);
        const probs = g.op('Softmax', [
            g.op('Add', [
                scores,
                maskBias
            ])
        ], [
            attr.int('axis', -1)
        ]);
        const context = g.op('Transpose', [
            g.op('MatMul', [
                probs,
                v
            ])
        ], [
            attr.ints('perm', [
                0,
                2,
                1,
                3
            ])
        ]);
        const merged = g.op('Reshape', [
            context,
            g.int64s('hidden_shape', [
                0,
                0,
                this.shape.hidden_size
            ])
        ]);
        const attended = g.op('Add', [
            this.dense(merged, `${p}.attention.output.dense`),
            x
        ]);
        const normed = this.layerNorm(attended, `${p}.attention.output.LayerNorm`);
        const intermediate = this.gelu(this.dense(normed, `${p}.intermediate.dense`));
        const out = g.op('Add', [
            this.dense(intermediate, `${p}.output.dense`),
            normed
        ]);
        return this.layerNorm(out, `${p}.output.LayerNorm`, output);
    }
    /** Exact GELU, `x * (1 + erf(x / √2)) * 0.5`, in the order PyTorch exports it. */ gelu(x) {
        const { g } = this;
        const erf = g.op('Erf', [
            g.op('Div', [
                x,
                g.scalar('sqrt_two', Math.SQRT2)
            ])
        ]);
        const scaled = g.op('Mul', [
            x,
            g.op('Add', [
                erf,
                g.scalar('one', 1)
            ])
        ]);
        return g.op('Mul', [
            scaled,
            g.scalar('half', 0.5)
        ]);
    }
};
/**
 * Builds a standard ONNX BERT encoder (opset 17) from Hugging Face `BertModel` weights: inputs
 * `input_ids`, `attention_mask`, `token_type_ids` (int64 `[batch, seq]`), output
 * `last_hidden_state` (float `[batch, seq, hidden]`). Padded keys are masked out of attention, so
 * a text padded inside a batch encodes exactly as it does alone.
 */ export async function buildBertGraph(weights, shape, encoder) {
    const bert = new BertGraph(weights, shape, encoder);
    const maskBias = bert.maskBias();
    let hidden = bert.embeddings();
    for(let i = 0; i < shape.num_hidden_layers; i++){
        // Conversion may run on a server's main thread: let the event loop breathe between layers.
        await setImmediate();
        const last = i === shape.num_hidden_layers - 1;
        hidden = bert.layer(hidden, maskBias, i, last ? 'last_hidden_state' : undefined);
    }
    await setImmediate();
    const dims = [
        'batch_size',
        'sequence_length'
    ];
    const inputs = [
        'input_ids',
        'attention_mask',
        'token_type_ids'
    ].map((name)=>({
            name,
            type: ElementType.int64,
            dims
        }));
    const output = {
        name: 'last_hidden_state',
        type: ElementType.float,
        dims: [
            ...dims,
            shape.hidden_size
        ]
    };
    return bert.g.toBytes('bert', inputs, [
        output
    ], OPSET);
}

//# sourceMappingURL=bert.graph.js.map