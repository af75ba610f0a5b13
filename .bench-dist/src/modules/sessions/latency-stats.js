/** Nearest-rank percentile of samples (p in 0–100); null when there are none. */ export function percentile(samples, p) {
    if (samples.length === 0) return null;
    const sorted = [
        ...samples
    ].sort((a, b)=>a - b);
    const rank = Math.max(1, Math.ceil(p / 100 * sorted.length));
    return sorted[rank - 1];
}
export function latencySummary(samples) {
    return {
        turns: samples.length,
        p50Ms: percentile(samples, 50),
        p95Ms: percentile(samples, 95)
    };
}

//# sourceMappingURL=latency-stats.js.map