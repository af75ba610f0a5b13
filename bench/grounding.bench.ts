import { AppConfig } from '../src/config/app-config.js';
import { REALTIME_AGENTS, SWEEP_AGENTS, type RealtimeAgent } from './support/grounding-agents.js';
import { groundingBenchEnv, withBootedApp } from './support/grounding-app.js';
import { corpus, type CorpusDocument } from './support/grounding-corpus.js';
import { liveRun } from './support/grounding-live.js';
import { printGroundingResult } from './support/grounding-print.js';
import { realtimeRun } from './support/grounding-realtime.js';
import { groundingResult, type GroundingRuns, type SweepRun } from './support/grounding-result.js';
import { SWEEP_DELAYS_MS, TRANSCRIPTION_DELAY_MS } from './support/grounding-settings.js';
import { writeResult } from './support/stats.js';

type Log = (line: string) => void;

/**
 * What knowledge grounding adds to a voice turn, per mode, against the in-process simulator: for
 * Realtime, the time from the end of the caller's speech to the first response audio, as the page
 * sees it, for the same spoken questions with and without grounding (every agent `responseStart:
 * server`, turns interleaved across the agents so drift hits all alike), with the simulator's
 * input transcription arriving late; the transcript wait and grounding outcomes from the app's own
 * histograms. For GPT-Live, the time from the caller's last transcript delta to Switchboard's
 * `session.thinking.append` (and its ack), and whether the voice answers any later for it.
 *
 * Env: GROUNDING_BENCH_TURNS (40), GROUNDING_BENCH_WARM_UP (5), GROUNDING_BENCH_SWEEP (the extra
 * transcription delays for `transcript`, `0,800`; empty for none).
 */
export async function runGroundingBench(): Promise<void> {
  const runStart = performance.now();
  const log: Log = (line) =>
    console.log(`[grounding ${((performance.now() - runStart) / 1000).toFixed(0)}s] ${line}`);
  const docs = corpus();
  const env = groundingBenchEnv();
  const main = await mainRun(env, docs, log);
  const sweep = await sweepRuns(env, docs, log);
  const result = groundingResult({ ...main, sweep }, runStart);
  printGroundingResult(result, writeResult('grounding', result));
}

/** Main run: every Realtime mode and GPT-Live, at the realistic transcription delay. */
function mainRun(
  env: Record<string, string>,
  docs: readonly CorpusDocument[],
  log: Log,
): Promise<Omit<GroundingRuns, 'sweep'>> {
  return withBootedApp(env, TRANSCRIPTION_DELAY_MS, docs, log, async ({ bench, chunks }) => {
    const budgetMs = bench.app.get(AppConfig).grounding.budgetMs;
    const agents = Object.keys(REALTIME_AGENTS) as RealtimeAgent[];
    const realtime = await realtimeRun(bench.app, agents, docs, log);
    const live = await liveRun(bench.app, docs, log);
    return { database: bench.database, budgetMs, documents: docs.length, chunks, realtime, live };
  });
}

/** Sweep: `transcript` against its baseline at other delays, each a boot of its own. */
async function sweepRuns(
  env: Record<string, string>,
  docs: readonly CorpusDocument[],
  log: Log,
): Promise<SweepRun[]> {
  const sweep: SweepRun[] = [];
  for (const delay of SWEEP_DELAYS_MS)
    sweep.push(
      await withBootedApp(env, delay, docs, log, async ({ bench }) => ({
        transcriptionDelayMs: delay,
        ...(await realtimeRun(bench.app, SWEEP_AGENTS, docs, log)),
      })),
    );
  return sweep;
}
