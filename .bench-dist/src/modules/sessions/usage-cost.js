/**
 * USD for one response: uncached input at the input rate, cached input at the cached rate, output
 * at the output rate, per modality (prices are per 1M tokens).
 */ export function usageCostUsd(usage, prices) {
    const input = usage.input_token_details ?? {};
    const cached = input.cached_tokens_details ?? {};
    const output = usage.output_token_details ?? {};
    const part = (total = 0, cachedPart = 0, rate, cachedRate)=>(total - cachedPart) * rate + cachedPart * cachedRate;
    const dollarsPerMillion = part(input.text_tokens, cached.text_tokens, prices.textIn, prices.textCached) + part(input.audio_tokens, cached.audio_tokens, prices.audioIn, prices.audioCached) + part(input.image_tokens, cached.image_tokens, prices.imageIn, prices.imageCached) + (output.text_tokens ?? 0) * prices.textOut + (output.audio_tokens ?? 0) * prices.audioOut;
    return dollarsPerMillion / 1_000_000;
}
/**
 * The most the next response can cost, bounded from what is known: the whole conversation is
 * sent again as input, so at least what the last response read (at its own rates) plus what it
 * wrote (priced as uncached audio, the dearest input); and at most `maxOutputTokens` of output
 * at the dearer output rate. New caller speech since then is not counted (a few tokens a second).
 */ export function nextResponseCeilingUsd(last, prices, maxOutputTokens) {
    const outputCeiling = maxOutputTokens * Math.max(prices.textOut, prices.audioOut);
    if (!last) return outputCeiling / 1_000_000;
    const inputOnly = {
        ...last,
        output_token_details: {
            text_tokens: 0,
            audio_tokens: 0
        }
    };
    const written = (last.output_token_details?.text_tokens ?? 0) + (last.output_token_details?.audio_tokens ?? 0);
    return usageCostUsd(inputOnly, prices) + (written * prices.audioIn + outputCeiling) / 1_000_000;
}

//# sourceMappingURL=usage-cost.js.map