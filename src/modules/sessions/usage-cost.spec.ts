import { DEFAULT_PRICES } from '../../config/price-table.js';
import { usageCostUsd } from './usage-cost.js';

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
