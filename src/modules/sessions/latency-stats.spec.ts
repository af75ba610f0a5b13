import { latencySummary, percentile } from './latency-stats.js';

describe(percentile.name, () => {
  it('uses the nearest rank', () => {
    const samples = Array.from({ length: 20 }, (_, i) => (i + 1) * 10); // 10 … 200
    expect(percentile(samples, 50)).toBe(100);
    expect(percentile(samples, 95)).toBe(190);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('summarises without caring about order', () => {
    expect(latencySummary([300, 100, 200])).toEqual({ turns: 3, p50Ms: 200, p95Ms: 300 });
  });
});
