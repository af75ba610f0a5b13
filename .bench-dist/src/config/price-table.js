/** USD per 1M tokens for one model, as OpenAI publishes them. */ const PRICE_FIELDS = [
    'textIn',
    'textCached',
    'textOut',
    'audioIn',
    'audioCached',
    'audioOut',
    'imageIn',
    'imageCached'
];
/**
 * Defaults from OpenAI's published Realtime prices (see the README's price table). Override or
 * extend with SWITCHBOARD_PRICE_TABLE, e.g. `{"gpt-realtime":{"textIn":4,…}}`.
 */ export const DEFAULT_PRICES = {
    'gpt-realtime': {
        textIn: 4,
        textCached: 0.4,
        textOut: 16,
        audioIn: 32,
        audioCached: 0.4,
        audioOut: 64,
        imageIn: 5,
        imageCached: 0.5
    },
    'gpt-realtime-mini': {
        textIn: 0.6,
        textCached: 0.06,
        textOut: 2.4,
        audioIn: 10,
        audioCached: 0.3,
        audioOut: 20,
        imageIn: 0.8,
        imageCached: 0.08
    }
};
/** Parses SWITCHBOARD_PRICE_TABLE; returns the problem in words, or the merged table. */ export function parsePriceTable(json) {
    return parsePriceOverrides(json, PRICE_FIELDS, DEFAULT_PRICES, 'USD per 1M tokens');
}
/**
 * A JSON object of model name → prices, each with every field a non-negative number, merged over
 * the defaults. Returns the problem in words, or the merged table.
 */ export function parsePriceOverrides(json, fields, defaults, unit) {
    if (!json) return defaults;
    let parsed;
    try {
        parsed = JSON.parse(json);
    } catch  {
        return 'must be valid JSON';
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a JSON object of model name → prices';
    for (const [model, prices] of Object.entries(parsed))for (const field of fields){
        const value = prices?.[field];
        if (typeof value !== 'number' || !(value >= 0)) return `needs a non-negative number for ${model}.${field} (${unit})`;
    }
    return {
        ...defaults,
        ...parsed
    };
}

//# sourceMappingURL=price-table.js.map