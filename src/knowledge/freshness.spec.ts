import {
  agesOutAt,
  type FreshnessFacts,
  isReviewOverdue,
  isServable,
  reviewDueAt,
  staleness,
} from './freshness.js';

const DAY = 86_400_000;
const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const inDays = (n: number) => new Date(now.getTime() + n * DAY);

const current: FreshnessFacts = {
  retractedAt: null,
  version: 2,
  currentVersion: 2,
  createdAt: daysAgo(10),
  validFrom: null,
  validUntil: null,
  reviewBy: null,
  reviewedAt: null,
  maxAgeDays: null,
  reviewEveryDays: null,
  reviewOverdue: 'exclude',
};

describe('freshness rule (function form)', () => {
  it('serves the current, valid, unretracted version', () => {
    expect(isServable(current, now)).toBe(true);
  });

  it.each<[string, Partial<FreshnessFacts>]>([
    ['retracted', { retractedAt: daysAgo(1) }],
    ['superseded', { currentVersion: 3 }],
    ['never published', { currentVersion: null }],
    ['not yet valid', { validFrom: inDays(1) }],
    ['expired', { validUntil: daysAgo(1) }],
    ['expired at this instant', { validUntil: now }],
    ['older than the source allows', { maxAgeDays: 10 }],
    ['review overdue (reviewBy)', { reviewBy: daysAgo(1) }],
    ['review overdue (cadence since upload)', { reviewEveryDays: 5 }],
    ['review overdue (cadence since last review)', { reviewEveryDays: 5, reviewedAt: daysAgo(6) }],
  ])('never serves text that is %s', (_, change) => {
    expect(isServable({ ...current, ...change }, now)).toBe(false);
  });

  it.each<[string, Partial<FreshnessFacts>]>([
    ['valid from this instant', { validFrom: now }],
    ['valid until tomorrow', { validUntil: inDays(1) }],
    ['inside the maximum age', { maxAgeDays: 11 }],
    ['reviewed recently', { reviewEveryDays: 5, reviewedAt: daysAgo(2) }],
    ['review overdue where the source allows it', { reviewBy: daysAgo(1), reviewOverdue: 'allow' }],
  ])('serves text that is %s', (_, change) => {
    expect(isServable({ ...current, ...change }, now)).toBe(true);
  });

  it('does not let a review make old text young', () => {
    expect(isServable({ ...current, maxAgeDays: 5, reviewedAt: daysAgo(0) }, now)).toBe(false);
  });

  it('prefers an explicit reviewBy over the cadence', () => {
    const facts = { ...current, reviewEveryDays: 1, reviewBy: inDays(3) };
    expect(reviewDueAt(facts)).toEqual(inDays(3));
    expect(isReviewOverdue(facts, now)).toBe(false);
  });

  it('reports what is stale now and what becomes stale within the horizon', () => {
    const facts = { ...current, validUntil: inDays(3), maxAgeDays: 5, reviewBy: daysAgo(1) };
    expect(agesOutAt(facts)).toEqual(inDays(-5));
    const report = staleness(facts, now, 7);
    expect(report.reasons).toEqual(['expires_soon', 'aged_out', 'review_overdue']);
    expect(report.dueAt).toEqual(inDays(-5));
    expect(staleness(current, now, 7)).toEqual({ reasons: [], dueAt: null });
    expect(staleness({ ...current, validUntil: inDays(30) }, now, 7).reasons).toEqual([]);
  });
});
