import { hybridScore, recencyWeight, RRF_K, topByScore } from './rank.js';

const base = { trustTier: 'standard' as const, ageDays: 0, halfLifeDays: null };

describe('hybrid ranking', () => {
  it('fuses the two lists by reciprocal rank', () => {
    const both = hybridScore({ ...base, trustTier: 'authoritative', vectorRank: 1, textRank: 1 });
    expect(both).toBeCloseTo(2 / (RRF_K + 1), 10);
    expect(hybridScore({ ...base, vectorRank: 1 })).toBeGreaterThan(
      hybridScore({ ...base, vectorRank: 2 }),
    );
    expect(hybridScore({ ...base })).toBe(0);
  });

  it('lets a chunk both lists found outrank one only a single list found first', () => {
    expect(hybridScore({ ...base, vectorRank: 3, textRank: 3 })).toBeGreaterThan(
      hybridScore({ ...base, vectorRank: 1 }),
    );
  });

  it('weights by trust tier', () => {
    const at = (trustTier: 'authoritative' | 'standard' | 'community') =>
      hybridScore({ ...base, trustTier, vectorRank: 1 });
    expect(at('authoritative')).toBeGreaterThan(at('standard'));
    expect(at('standard')).toBeGreaterThan(at('community'));
  });

  it('decays with age only when the source sets a half-life, never below one half', () => {
    expect(recencyWeight(1000, null)).toBe(1);
    expect(recencyWeight(0, 30)).toBe(1);
    expect(recencyWeight(30, 30)).toBeCloseTo(0.75, 10);
    expect(recencyWeight(10_000, 30)).toBeGreaterThanOrEqual(0.5);
    expect(recencyWeight(-5, 30)).toBe(1);
  });

  it('orders by score, then by id, and bounds the list', () => {
    const items = [
      { id: '10', score: 0.5 },
      { id: '9', score: 0.5 },
      { id: '3', score: 0.9 },
      { id: '4', score: 0.1 },
    ];
    expect(topByScore(items, 3).map((i) => i.id)).toEqual(['3', '9', '10']);
  });
});
