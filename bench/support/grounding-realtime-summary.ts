import { distribution, type Distribution } from './stats.js';
import { modeOf, type RealtimeAgent } from './grounding-agents.js';
import {
  byOutcome,
  histogramOf,
  outcomesOf,
  round,
  type HistogramSummary,
} from './grounding-histograms.js';
import { TRANSCRIPT_WAIT, type Snapshot } from './grounding-metrics.js';

/** One Realtime agent's measured turns. */
export interface RealtimeMode {
  /** The profile's grounding mode (an agent name need not be one). */
  readonly mode?: string;
  readonly speechStoppedToFirstAudio: Distribution;
  readonly speechStoppedToFirstTranscriptDelta: Distribution;
  readonly speechStoppedToResponseCreated: Distribution;
  /** As the page sees it: the simulator's transcription delay plus delivery. */
  readonly commitToTranscriptCompleted: Distribution;
  /** Share of turns with a knowledge item added before their own `response.created`. */
  readonly knowledgeBeforeAnswerShare: number;
  readonly knowledgeItemsPerTurn: number;
  readonly outcomes?: Record<string, number>;
  readonly transcriptWait?: HistogramSummary;
  readonly groundingSeconds?: Record<string, HistogramSummary>;
}

/** Every agent of a Realtime run, and what each grounded one adds over the baseline. */
export interface RealtimeRun {
  readonly modes: Record<string, RealtimeMode>;
  readonly addedMs: Partial<Record<RealtimeAgent, { p50: number; p95: number }>>;
}

/** One Realtime turn as the page timed it (ms from the end of speech, or from the commit). */
export interface RealtimeSample {
  readonly audioMs: number;
  readonly deltaMs: number;
  readonly createdMs: number;
  readonly transcriptMs: number;
  readonly knowledgeBefore: number;
  readonly knowledgeItems: number;
}

/**
 * A Realtime run from each agent's samples and what its turns added to the app's histograms
 * (`metrics`), `wallMs` being the measured turns' wall time.
 */
export function realtimeRunOf(
  agents: readonly RealtimeAgent[],
  samples: Map<RealtimeAgent, RealtimeSample[]>,
  metrics: Map<RealtimeAgent, Snapshot>,
  wallMs: number,
): RealtimeRun {
  const modes: Record<string, RealtimeMode> = Object.fromEntries(
    agents.map((a) => [a, realtimeMode(a, samples.get(a)!, metrics.get(a)!, wallMs)]),
  );
  const base = modes.baseline!.speechStoppedToFirstAudio;
  const addedMs: RealtimeRun['addedMs'] = {};
  for (const agent of agents) {
    if (agent === 'baseline') continue;
    const d = modes[agent]!.speechStoppedToFirstAudio;
    addedMs[agent] = { p50: round(d.p50Ms - base.p50Ms), p95: round(d.p95Ms - base.p95Ms) };
  }
  return { modes, addedMs };
}

function realtimeMode(
  agent: RealtimeAgent,
  s: readonly RealtimeSample[],
  turned: Snapshot,
  wallMs: number,
): RealtimeMode {
  const mode = modeOf(agent);
  const none: Snapshot = new Map();
  const of = (pick: (x: RealtimeSample) => number) => distribution(s.map(pick), wallMs);
  return {
    speechStoppedToFirstAudio: of((x) => x.audioMs),
    speechStoppedToFirstTranscriptDelta: of((x) => x.deltaMs),
    speechStoppedToResponseCreated: of((x) => x.createdMs),
    commitToTranscriptCompleted: of((x) => x.transcriptMs),
    knowledgeBeforeAnswerShare: round(s.filter((x) => x.knowledgeBefore > 0).length / s.length),
    knowledgeItemsPerTurn: round(s.reduce((n, x) => n + x.knowledgeItems, 0) / s.length),
    ...(mode
      ? {
          mode,
          outcomes: outcomesOf(none, turned, 'realtime', mode),
          transcriptWait: histogramOf(none, turned, TRANSCRIPT_WAIT, { mode }),
          groundingSeconds: byOutcome(none, turned, 'realtime', mode),
        }
      : {}),
  };
}
