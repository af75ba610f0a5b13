import {
  DEFAULT_BACKEND_PRICES,
  DEFAULT_LIVE_PRICES,
  liveEventCeilingUsd,
  liveUsdPerSecond,
  parseLivePrices,
} from './live-prices.js';

const tables = { livePrices: DEFAULT_LIVE_PRICES, backendPrices: DEFAULT_BACKEND_PRICES };

describe(liveEventCeilingUsd.name, () => {
  it('is a full backend response plus ten seconds of session time', () => {
    const usd = liveEventCeilingUsd(
      tables,
      { model: 'gpt-live-1', backendModel: 'gpt-5.5', maxOutputTokens: 1024 },
      500,
    );
    expect(usd).toBeCloseTo((500 * 5 + 1024 * 30) / 1e6 + 10 * (0.05 / 60), 12);
  });

  it('is session time alone with a client handler, and prices unknown models as the dearest', () => {
    expect(
      liveEventCeilingUsd(tables, { model: 'gpt-live-1', maxOutputTokens: 0 }, 500),
    ).toBeCloseTo(10 * (0.05 / 60), 12);
    expect(
      liveEventCeilingUsd(
        tables,
        { model: 'gpt-live-1', backendModel: 'gpt-9', maxOutputTokens: 1000 },
        0,
      ),
    ).toBeCloseTo((1000 * 30) / 1e6 + 10 * (0.05 / 60), 12);
  });

  it('meters every second at the dearer of active and standby', () => {
    expect(liveUsdPerSecond(DEFAULT_LIVE_PRICES, 'gpt-live-1.1')).toBe(0.05 / 60);
    const table = parseLivePrices('{"cheap":{"activePerMinute":0.01,"standbyPerMinute":0.03}}');
    expect(typeof table).toBe('object');
    expect(liveUsdPerSecond(table as typeof DEFAULT_LIVE_PRICES, 'cheap')).toBe(0.03 / 60);
  });

  it('refuses a price table with a missing or negative price', () => {
    expect(parseLivePrices('{"x":{"activePerMinute":-1,"standbyPerMinute":0}}')).toEqual(
      expect.stringContaining('x'),
    );
  });
});
