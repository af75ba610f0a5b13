import { LIVE_AGENTS, REALTIME_AGENTS } from './grounding-agents.js';
import type { LiveRun } from './grounding-live-summary.js';
import type { RealtimeRun } from './grounding-realtime-summary.js';
import {
  DELAY_WHY,
  SWEEP_DELAYS_MS,
  TARGET_ADDED_P95_MS,
  TRANSCRIPTION_DELAY_MS,
  TURNS,
  WARM_UP,
} from './grounding-settings.js';

/** A Realtime run of the sweep, at its transcription delay. */
export type SweepRun = RealtimeRun & { readonly transcriptionDelayMs: number };

/** What the benchmark measured, to be written and printed. */
export interface GroundingRuns {
  readonly database: string;
  readonly budgetMs: number;
  readonly documents: number;
  readonly chunks: number;
  readonly realtime: RealtimeRun;
  readonly live: LiveRun;
  readonly sweep: readonly SweepRun[];
}

const AGENTS_NOTE =
  'baseline, next_turn, transcript and partial use the default profile with responseStart ' +
  'server and the default budget; transcript_1s (transcript with budgetMs 1000) is extra, ' +
  'so the sweep shows the cost of waiting for the transcript where the budget does not cut it';

/** What each figure of the result is, as written into it. */
const WHAT = {
  realtime:
    'end of speech (`input_audio_buffer.speech_stopped`) → first response audio ' +
    '(`output_audio_buffer.started`, the earliest audio signal: the simulator sends it when the ' +
    'response starts playing, 150 ms of simulated model time before the first ' +
    '`response.output_audio_transcript.delta`; that later signal is reported too), both as ' +
    "received on the page's data channel (werift), per spoken turn (`/__sim/calls/{id}/say`, " +
    'a different corpus question each turn, the same sequence for every agent); every agent ' +
    'has `responseStart: server`; turns interleaved across agents in one app',
  addedMs: 'mode − baseline at the same percentile, same app and transcription delay',
  outcomes:
    '`switchboard_grounding_seconds{api="realtime",mode}` counts by outcome over the measured ' +
    "turns (warm-up excluded), each turn's increments credited to the agent that spoke it",
  transcriptWait:
    '`switchboard_grounding_transcript_wait_seconds{mode}` over the measured turns: exact ' +
    'mean; p50/p95 as the upper bound of their histogram bucket',
  live:
    "GPT-Live: caller's last `session.input_transcript.delta` as Switchboard's sideband " +
    'receives it (LiveEventBus) → Switchboard sending `session.thinking.append` (LiveSidebands' +
    '.send, timed by the bench) → its `session.thinking.appended` ack back on the sideband; ' +
    "and the voice's answer time on the page (last input transcript delta → first " +
    '`session.output_transcript.delta`) with and without grounding. The simulated voice runs in ' +
    "Switchboard's process, so grounding's CPU can slow it here; the real voice runs at OpenAI",
};

/**
 * The result `bench/results/grounding.json` holds: the runs, what was measured and how, and the
 * target (`next_turn` adding at most `TARGET_ADDED_P95_MS` at p95). `runStart`: the run's start
 * (`performance.now()`), for its total time.
 */
export function groundingResult(runs: GroundingRuns, runStart: number) {
  const addedNextP95 = runs.realtime.addedMs.next_turn?.p95 ?? Number.NaN;
  return {
    benchmark: 'grounding',
    database: runs.database,
    node: process.version,
    turns: TURNS,
    warmUp: WARM_UP,
    corpus: {
      documents: runs.documents,
      chunks: runs.chunks,
      source: 'one acme source readable by role customer (16 shop topics × 5 products)',
    },
    agents: { realtime: REALTIME_AGENTS, live: LIVE_AGENTS, note: AGENTS_NOTE },
    what: WHAT,
    transcriptionDelayMs: {
      value: TRANSCRIPTION_DELAY_MS,
      why: DELAY_WHY,
      sweep: SWEEP_DELAYS_MS,
      live: 'not applicable: the simulated Live voice sends the input transcript as it hears the turn',
    },
    groundingBudgetMs: runs.budgetMs,
    target: {
      mode: 'next_turn',
      maxAddedP95Ms: TARGET_ADDED_P95_MS,
      addedP95Ms: addedNextP95,
      met: addedNextP95 <= TARGET_ADDED_P95_MS,
    },
    modes: runs.realtime.modes,
    addedMs: runs.realtime.addedMs,
    transcriptSweep: runs.sweep,
    live: runs.live,
    totalRunSeconds: Math.round((performance.now() - runStart) / 1000),
    at: new Date().toISOString(),
  };
}

/** The result as written. */
export type GroundingResult = ReturnType<typeof groundingResult>;
