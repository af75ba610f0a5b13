import fc from 'fast-check';

import {
  isReviewOverdue,
  isServable,
  reviewOverdueSql,
  servableSql,
  type FreshnessFacts,
} from '../src/knowledge/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

/** Dates near `NOW` (within ±40 days, at millisecond steps the database keeps exactly). */
const nearNow = fc
  .integer({ min: -40 * DAY, max: 40 * DAY })
  .map((offset) => new Date(NOW + offset));
/** Whole days, sometimes exactly on a boundary used by `nearNow`. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const facts: fc.Arbitrary<FreshnessFacts> = fc.record({
  retractedAt: maybe(nearNow),
  version: fc.integer({ min: 1, max: 3 }),
  currentVersion: maybe(fc.integer({ min: 1, max: 3 })),
  createdAt: nearNow,
  validFrom: maybe(nearNow),
  validUntil: maybe(nearNow),
  reviewBy: maybe(nearNow),
  reviewedAt: maybe(nearNow),
  maxAgeDays: maybe(fc.integer({ min: 1, max: 60 })),
  reviewEveryDays: maybe(fc.integer({ min: 1, max: 60 })),
  reviewOverdue: fc.constantFrom('exclude' as const, 'allow' as const),
});

/** Boundary cases the random ones rarely hit: dates exactly at `now`. */
const atBoundaries: fc.Arbitrary<FreshnessFacts> = facts.chain((f) =>
  fc.constantFrom<FreshnessFacts>(
    { ...f, validFrom: new Date(NOW) },
    { ...f, validUntil: new Date(NOW) },
    { ...f, reviewBy: new Date(NOW), reviewOverdue: 'exclude' },
    { ...f, createdAt: new Date(NOW - 10 * DAY), maxAgeDays: 10 },
    { ...f, reviewBy: null, reviewedAt: new Date(NOW - 7 * DAY), reviewEveryDays: 7 },
  ),
);

describe('knowledge freshness: the SQL predicate and the function always agree', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  /** Evaluates both SQL forms over literal rows shaped like the three tables. */
  async function inSql(cases: readonly FreshnessFacts[], now: Date) {
    const rows = cases.map((f, i) => ({ i, ...f }));
    return sut.query<{ i: number; servable: boolean; overdue: boolean }>(
      `SELECT x.i, ${servableSql('$2::timestamptz')} AS servable, ${reviewOverdueSql('$2::timestamptz')} AS overdue
       FROM jsonb_to_recordset($1::jsonb) AS x(i int, "retractedAt" timestamptz, version int,
         "currentVersion" int, "createdAt" timestamptz, "validFrom" timestamptz,
         "validUntil" timestamptz, "reviewBy" timestamptz, "reviewedAt" timestamptz,
         "maxAgeDays" int, "reviewEveryDays" int, "reviewOverdue" text)
       CROSS JOIN LATERAL (SELECT x."retractedAt" AS retracted_at, x."currentVersion" AS current_version) d
       CROSS JOIN LATERAL (SELECT x.version, x."createdAt" AS created_at, x."validFrom" AS valid_from,
         x."validUntil" AS valid_until, x."reviewBy" AS review_by, x."reviewedAt" AS reviewed_at) v
       CROSS JOIN LATERAL (SELECT x."maxAgeDays" AS max_age_days, x."reviewEveryDays" AS review_every_days,
         x."reviewOverdue" AS review_overdue) s
       ORDER BY x.i`,
      [JSON.stringify(rows), now.toISOString()],
    );
  }

  it('on random documents, sources and clocks (2,000 cases)', async () => {
    const cases = fc.sample(fc.oneof(facts, atBoundaries), { numRuns: 2000, seed: 42 });
    const now = new Date(NOW);
    const rows = await inSql(cases, now);
    const disagreements = rows.filter(
      (row) =>
        row.servable !== isServable(cases[row.i], now) ||
        row.overdue !== isReviewOverdue(cases[row.i], now),
    );
    expect(disagreements.map((d) => ({ ...d, facts: cases[d.i] })).slice(0, 3)).toEqual([]);
    expect(rows).toHaveLength(cases.length);
    // Both outcomes occur, so agreement is not a matter of everything being false.
    expect(new Set(rows.map((r) => r.servable))).toEqual(new Set([true, false]));
  });

  it('in a session time zone with daylight saving (days are 24 h in both forms)', async () => {
    const conn = sut.query.bind(sut);
    await conn(`SET TIME ZONE 'Europe/London'`);
    try {
      const across = {
        ...fc.sample(facts, { numRuns: 1, seed: 7 })[0],
        retractedAt: null,
        version: 1,
        currentVersion: 1,
        validFrom: null,
        validUntil: null,
        reviewBy: null,
        reviewedAt: null,
        reviewOverdue: 'exclude' as const,
      };
      // 2026-03-29 is the spring change in London: a calendar day there is 23 hours.
      const now = new Date('2026-03-29T12:00:00Z');
      const cases = [0, 1, -1, 3_600_000, -3_600_000].map((shift) => ({
        ...across,
        createdAt: new Date(now.getTime() - 5 * DAY + shift),
        maxAgeDays: 5,
      }));
      const rows = await inSql(cases, now);
      expect(rows.map((r) => r.servable)).toEqual(cases.map((c) => isServable(c, now)));
    } finally {
      await conn(`SET TIME ZONE 'UTC'`);
    }
  });
});
