import fc from 'fast-check';

import { longestFit } from './longest-fit.search.js';

describe(longestFit.name, () => {
  it('finds the longest fit within 1/32, from any guess, and only returns what was probed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: -10, max: 8000 }),
        (max, threshold, guess) => {
          const probed = new Set<number>();
          const found = longestFit(max, guess, (n) => (probed.add(n), n <= threshold));
          const best = Math.min(max, threshold);
          expect(found).toBeLessThanOrEqual(best);
          expect(found).toBeGreaterThanOrEqual(best - Math.max(1, best >> 5));
          if (found > 0) expect(probed.has(found)).toBe(true);
          if (threshold === 0) expect(found).toBe(0);
        },
      ),
    );
  });

  it('needs few probes when the guess is close', () => {
    let probes = 0;
    longestFit(100_000, 600, (n) => (probes++, n <= 610));
    expect(probes).toBeLessThanOrEqual(5);
  });
});
