import {
  GROUNDING_SECONDS,
  grown,
  matches,
  type Series,
  type Snapshot,
} from './grounding-metrics.js';

/** Every outcome a grounding attempt is labelled with, so a count of 0 is reported too. */
const OUTCOMES = ['given', 'late', 'no_transcript', 'nothing_found', 'same_as_before', 'failed'];

/** What a histogram gained between two snapshots. */
export interface HistogramSummary {
  readonly count: number;
  readonly meanMs: number;
  /** Upper bound (ms) of the bucket holding the percentile; null above the last bucket. */
  readonly p50AtMostMs: number | null;
  readonly p95AtMostMs: number | null;
}

/** What histogram `name` gained from `before` to `after` over the label sets with `labels`. */
export function histogramOf(
  before: Snapshot,
  after: Snapshot,
  name: string,
  labels: Record<string, string>,
): HistogramSummary | undefined {
  const series = grown(before, after, (s) => s.metricName.startsWith(name) && matches(s, labels));
  const total = (suffix: string) =>
    series.filter((s) => s.metricName === `${name}${suffix}`).reduce((n, s) => n + s.value, 0);
  const count = total('_count');
  if (count === 0) return undefined;
  const sum = total('_sum');
  const sorted = cumulativeBuckets(series.filter((x) => x.metricName === `${name}_bucket`));
  const at = (p: number) => {
    const le = sorted.find(([, n]) => n >= (p / 100) * count)?.[0];
    return le === undefined || !Number.isFinite(le) ? null : round(le * 1000);
  };
  return { count, meanMs: round((sum / count) * 1000), p50AtMostMs: at(50), p95AtMostMs: at(95) };
}

/** Cumulative buckets as [upper bound (s), count], ascending. */
function cumulativeBuckets(buckets: readonly Series[]): [number, number][] {
  // Cumulative buckets, summed over the matching label sets (e.g. every outcome of a mode).
  const byBound = new Map<number, number>();
  for (const s of buckets) {
    const le = s.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(s.labels.le);
    byBound.set(le, (byBound.get(le) ?? 0) + s.value);
  }
  return [...byBound.entries()].sort((a, b) => a[0] - b[0]);
}

/** Grounding attempts of `api` and `mode` from `before` to `after`, counted by outcome. */
export function outcomesOf(
  before: Snapshot,
  after: Snapshot,
  api: string,
  mode: string,
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const s of grown(
    before,
    after,
    (x) => x.metricName === `${GROUNDING_SECONDS}_count` && matches(x, { api, mode }),
  ))
    counts[String(s.labels.outcome)] = (counts[String(s.labels.outcome)] ?? 0) + s.value;
  return counts;
}

/** `switchboard_grounding_seconds` of `api` and `mode`, per outcome that occurred. */
export function byOutcome(
  before: Snapshot,
  after: Snapshot,
  api: string,
  mode: string,
): Record<string, HistogramSummary> {
  const result: Record<string, HistogramSummary> = {};
  for (const [outcome, n] of Object.entries(outcomesOf(before, after, api, mode))) {
    if (n === 0) continue;
    const h = histogramOf(before, after, GROUNDING_SECONDS, { api, mode, outcome });
    if (h) result[outcome] = h;
  }
  return result;
}

/** Rounds to three decimals, as `distribution` does. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
