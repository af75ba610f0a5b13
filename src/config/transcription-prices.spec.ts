import {
  DEFAULT_TRANSCRIPTION_PRICES,
  parseTranscriptionPrices,
  transcriptionCostUsd,
} from './transcription-prices.js';

describe(transcriptionCostUsd.name, () => {
  const prices = { textIn: 2.5, audioIn: 6, textOut: 10, perMinute: 0.006 };

  it('prices token usage per 1M tokens by kind', () => {
    const usage = {
      type: 'tokens' as const,
      input_tokens: 120,
      input_token_details: { text_tokens: 20, audio_tokens: 100 },
      output_tokens: 30,
    };
    expect(transcriptionCostUsd(usage, prices)).toBeCloseTo(
      (100 * 6 + 20 * 2.5 + 30 * 10) / 1e6,
      12,
    );
  });

  it('treats input_tokens as audio when the details are missing', () => {
    expect(transcriptionCostUsd({ type: 'tokens', input_tokens: 1000 }, prices)).toBeCloseTo(
      0.006,
      12,
    );
  });

  it('prices duration usage per minute', () => {
    expect(transcriptionCostUsd({ type: 'duration', seconds: 90 }, prices)).toBeCloseTo(0.009, 12);
    expect(transcriptionCostUsd({ type: 'duration', seconds: -5 }, prices)).toBe(0);
  });
});

describe(parseTranscriptionPrices.name, () => {
  it('uses the defaults when unset and merges overrides over them', () => {
    expect(parseTranscriptionPrices(undefined)).toBe(DEFAULT_TRANSCRIPTION_PRICES);
    const merged = parseTranscriptionPrices(
      '{"my-transcriber":{"textIn":1,"audioIn":2,"textOut":3,"perMinute":0.01}}',
    );
    expect(merged).toMatchObject({
      'gpt-4o-transcribe': DEFAULT_TRANSCRIPTION_PRICES['gpt-4o-transcribe'],
      'my-transcriber': { textIn: 1, audioIn: 2, textOut: 3, perMinute: 0.01 },
    });
  });

  it.each([
    ['not JSON', '{', 'must be valid JSON'],
    ['an array', '[]', 'must be a JSON object of model name → prices'],
    [
      'a missing field',
      '{"m":{"textIn":1,"audioIn":2,"textOut":3}}',
      'needs a non-negative number for m.perMinute',
    ],
    [
      'a negative price',
      '{"m":{"textIn":-1,"audioIn":2,"textOut":3,"perMinute":1}}',
      'needs a non-negative number for m.textIn',
    ],
  ])('refuses %s with a message naming the problem', (_, json, message) => {
    expect(parseTranscriptionPrices(json)).toEqual(expect.stringContaining(message));
  });
});
