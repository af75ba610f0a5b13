import type { AppConfig } from '../../../config/app-config.js';
import { DEFAULT_BACKEND_PRICES, DEFAULT_LIVE_PRICES } from '../../../config/live-prices.js';
import type { LiveSessionConfig } from '../../voice/index.js';
import { LivePricing } from './live-pricing.js';

const config = {
  cost: { livePrices: DEFAULT_LIVE_PRICES, backendPrices: DEFAULT_BACKEND_PRICES },
} as unknown as AppConfig;

const session = (model: string, backendModel = 'gpt-5.5') =>
  ({
    model,
    delegation: { type: 'responses', responses: { model: backendModel, max_output_tokens: 1000 } },
  }) as unknown as LiveSessionConfig;

describe(LivePricing.name, () => {
  const sut = new LivePricing(config);

  it('prices session time per second at the dearer of active and standby', () => {
    // gpt-live-1.1: active $0.05/min, standby $0.02: every second is metered as active.
    expect(sut.seconds(90, session('gpt-live-1.1')).sessionSeconds).toEqual({
      cumulative: 90,
      usdPerSecond: 0.05 / 60,
    });
    // An unknown model is priced as the dearest known one.
    expect(sut.seconds(1, session('gpt-live-9')).sessionSeconds?.usdPerSecond).toBe(0.05 / 60);
  });

  it('prices backend tokens at Responses prices, cached input at the cached rate', () => {
    const charge = sut.backend(
      { input_tokens: 1000, input_tokens_details: { cached_tokens: 400 }, output_tokens: 100 },
      session('gpt-live-1'),
      'resp_1',
    );
    // 600 × $5 + 400 × $0.50 + 100 × $30 per 1M.
    expect(charge.costUsd).toBeCloseTo((600 * 5 + 400 * 0.5 + 100 * 30) / 1e6, 12);
    expect(charge).toMatchObject({
      responses: 1,
      inputTokens: 1000,
      outputTokens: 100,
      onceKey: 'charge:resp_1',
    });
  });

  it('bounds the next event: a full backend response plus time until the next usage report', () => {
    const next = sut.nextEventUsd(session('gpt-live-1'), 2000);
    expect(next).toBeCloseTo((2000 * 5 + 1000 * 30) / 1e6 + 10 * (0.05 / 60), 12);
    // A client handler's model is the application's to bill: only session time counts.
    const client = { model: 'gpt-live-1', delegation: { type: 'client' } } as LiveSessionConfig;
    expect(sut.nextEventUsd(client, 2000)).toBeCloseTo(10 * (0.05 / 60), 12);
  });
});
