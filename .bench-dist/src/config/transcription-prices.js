import { parsePriceOverrides } from './price-table.js';
const FIELDS = [
    'textIn',
    'audioIn',
    'textOut',
    'perMinute'
];
/**
 * Defaults from OpenAI's published transcription prices; verify against your contract and override
 * with SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE. An unknown model is priced as `gpt-4o-transcribe`
 * (the dearest here), so spend is never under-counted.
 */ export const DEFAULT_TRANSCRIPTION_PRICES = {
    'gpt-4o-transcribe': {
        textIn: 2.5,
        audioIn: 6,
        textOut: 10,
        perMinute: 0.006
    },
    'gpt-4o-mini-transcribe': {
        textIn: 1.25,
        audioIn: 3,
        textOut: 5,
        perMinute: 0.003
    },
    'whisper-1': {
        textIn: 0,
        audioIn: 0,
        textOut: 0,
        perMinute: 0.006
    }
};
export const FALLBACK_TRANSCRIPTION_MODEL = 'gpt-4o-transcribe';
/** Parses SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE; returns the problem in words, or the merged table. */ export function parseTranscriptionPrices(json) {
    return parsePriceOverrides(json, FIELDS, DEFAULT_TRANSCRIPTION_PRICES, 'USD per 1M tokens; perMinute in USD');
}
/** USD for one transcription. */ export function transcriptionCostUsd(usage, prices) {
    if (usage.type === 'duration') return Math.max(0, usage.seconds) / 60 * prices.perMinute;
    const input = usage.input_token_details ?? {};
    const audio = input.audio_tokens ?? usage.input_tokens ?? 0;
    const text = input.text_tokens ?? 0;
    return (audio * prices.audioIn + text * prices.textIn + (usage.output_tokens ?? 0) * prices.textOut) / 1_000_000;
}

//# sourceMappingURL=transcription-prices.js.map