import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** Nearest-rank percentiles of per-operation times (ms) plus throughput over the wall time. */ export function distribution(timesMs, wallMs) {
    const sorted = [
        ...timesMs
    ].sort((a, b)=>a - b);
    const at = (p)=>sorted[Math.max(0, Math.ceil(p / 100 * sorted.length) - 1)];
    const round = (ms)=>Math.round(ms * 1000) / 1000;
    return {
        samples: sorted.length,
        p50Ms: round(at(50)),
        p95Ms: round(at(95)),
        p99Ms: round(at(99)),
        meanMs: round(sorted.reduce((a, b)=>a + b, 0) / sorted.length),
        opsPerSecond: Math.round(sorted.length / wallMs * 1000)
    };
}
/**
 * Runs `operation(i)` `count` times with at most `concurrency` in flight; returns each
 * operation's duration and the wall time.
 */ export async function measure(count, concurrency, operation) {
    const times = [];
    let next = 0;
    const started = performance.now();
    const worker = async ()=>{
        while(next < count){
            const index = next++;
            const t0 = performance.now();
            await operation(index);
            times.push(performance.now() - t0);
        }
    };
    await Promise.all(Array.from({
        length: concurrency
    }, worker));
    return distribution(times, performance.now() - started);
}
const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../bench/results');
/** Writes `bench/results/<name>.json` (in the source tree, next to the benchmarks). */ export function writeResult(name, result) {
    mkdirSync(RESULTS_DIR, {
        recursive: true
    });
    const file = join(RESULTS_DIR, `${name}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    return file;
}

//# sourceMappingURL=stats.js.map