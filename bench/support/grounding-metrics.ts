import { setTimeout as sleep } from 'node:timers/promises';

import type { INestApplication } from '@nestjs/common';

import { MetricsRegistry } from '../../src/modules/metrics/index.js';

/** The app's histograms the grounding bench reads. */
export const GROUNDING_SECONDS = 'switchboard_grounding_seconds';
export const TRANSCRIPT_WAIT = 'switchboard_grounding_transcript_wait_seconds';

/** One series of a histogram (`…_bucket`, `…_sum` or `…_count`) with its labels. */
export interface Series {
  readonly metricName: string;
  readonly labels: Record<string, string | number>;
  readonly value: number;
}
/** Every series of the grounding histograms, by metric name and sorted labels. */
export type Snapshot = Map<string, Series>;

/** The grounding histograms' series as they stand now. */
export async function metricSnapshot(app: INestApplication): Promise<Snapshot> {
  const registry = app.get(MetricsRegistry);
  const snapshot: Snapshot = new Map();
  for (const name of [GROUNDING_SECONDS, TRANSCRIPT_WAIT]) {
    const metric = registry.getSingleMetric(name);
    if (!metric) continue;
    for (const v of (await metric.get()).values as Series[]) {
      const labels = Object.fromEntries(Object.entries(v.labels).sort());
      snapshot.set(JSON.stringify([v.metricName ?? name, labels]), {
        ...v,
        metricName: v.metricName ?? name,
        labels,
      });
    }
  }
  return snapshot;
}

/** Adds what grew from `before` to `after` into `total`. */
export function accumulate(total: Snapshot, before: Snapshot, after: Snapshot): void {
  for (const [key, s] of after) {
    const grew = s.value - (before.get(key)?.value ?? 0);
    total.set(key, { ...s, value: (total.get(key)?.value ?? 0) + grew });
  }
}

/** The series of `after` matching `where`, less what `before` had. */
export function grown(before: Snapshot, after: Snapshot, where: (s: Series) => boolean): Series[] {
  return [...after.entries()]
    .filter(([, s]) => where(s))
    .map(([key, s]) => ({ ...s, value: s.value - (before.get(key)?.value ?? 0) }));
}

/** Whether `s` has every one of `labels`. */
export function matches(s: Series, labels: Record<string, string>): boolean {
  return Object.entries(labels).every(([k, v]) => s.labels[k] === v);
}

/** Grounding attempts recorded so far for `api` (every mode and outcome). */
export async function observationCount(app: INestApplication, api: string): Promise<number> {
  const metric = app.get(MetricsRegistry).getSingleMetric(GROUNDING_SECONDS);
  if (!metric) return 0;
  return ((await metric.get()).values as Series[])
    .filter((s) => s.metricName === `${GROUNDING_SECONDS}_count` && s.labels.api === api)
    .reduce((n, s) => n + s.value, 0);
}

/** Waits until `read()` has grown past `before` and then stayed put for `quietMs` (or `maxMs`). */
export async function settled(
  read: () => Promise<number>,
  before: number,
  quietMs: number,
  maxMs: number,
): Promise<void> {
  const deadline = performance.now() + maxMs;
  let last = await read();
  let changedAt = performance.now();
  while (performance.now() < deadline) {
    if (last > before && performance.now() - changedAt >= quietMs) return;
    await sleep(10);
    const now = await read();
    if (now !== last) {
      last = now;
      changedAt = performance.now();
    }
  }
}
