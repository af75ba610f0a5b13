import { DEFAULT_PRICES } from '../../config/price-table.js';
import { nextResponseCeilingUsd, usageCostUsd } from './usage-cost.js';

describe(usageCostUsd.name, () => {
  it('prices the reference example at $0.0069656 on gpt-realtime', () => {
    const usage = {
      input_token_details: {
        text_tokens: 119,
        audio_tokens: 13,
        image_tokens: 0,
        cached_tokens_details: { text_tokens: 64, audio_tokens: 0, image_tokens: 0 },
      },
      output_token_details: { text_tokens: 30, audio_tokens: 91 },
    };
    expect(usageCostUsd(usage, DEFAULT_PRICES['gpt-realtime'])).toBeCloseTo(0.0069656, 10);
  });

  it('treats missing details as zero', () => {
    expect(usageCostUsd({}, DEFAULT_PRICES['gpt-realtime-mini'])).toBe(0);
  });
});

describe(nextResponseCeilingUsd.name, () => {
  const prices = DEFAULT_PRICES['gpt-realtime'];
  const last = {
    input_token_details: {
      text_tokens: 119,
      audio_tokens: 13,
      image_tokens: 0,
      cached_tokens_details: { text_tokens: 64, audio_tokens: 0, image_tokens: 0 },
    },
    output_token_details: { text_tokens: 30, audio_tokens: 91 },
  };

  it('is the output cap at the dearer output rate before any response', () => {
    // 100 tokens x $64 per 1M (audio out is dearer than text out on gpt-realtime).
    expect(nextResponseCeilingUsd(undefined, prices, 100)).toBeCloseTo(0.0064, 10);
  });

  it('adds what the last response read at its rates and what it wrote as uncached audio input', () => {
    // Input of the reference example: 55 x 4 + 64 x 0.4 + 13 x 32 = 661.6 per 1M; written 121 x 32.
    const expected = (661.6 + 121 * 32 + 100 * 64) / 1e6;
    expect(nextResponseCeilingUsd(last, prices, 100)).toBeCloseTo(expected, 10);
  });

  it('is never below what the last response itself cost when the cap is as long as its output', () => {
    expect(nextResponseCeilingUsd(last, prices, 121)).toBeGreaterThan(usageCostUsd(last, prices));
  });
});
