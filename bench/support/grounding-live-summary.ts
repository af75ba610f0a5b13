import type { LiveAgent } from './grounding-agents.js';
import { byOutcome, outcomesOf, round, type HistogramSummary } from './grounding-histograms.js';
import type { Snapshot } from './grounding-metrics.js';
import { TURNS } from './grounding-settings.js';
import { distribution, type Distribution } from './stats.js';

/** One GPT-Live turn: the page's answer time and what Switchboard's side did. */
export interface LiveSample {
  /** Page: the caller's last input transcript delta → the voice's first output transcript delta. */
  readonly voiceAnswerMs: number;
  readonly lastDeltaToAppendMs?: number;
  readonly lastDeltaToAckMs?: number;
  readonly sayToFirstAppendMs?: number;
  readonly appends: number;
  readonly retrievals: number;
  readonly inputDeltas: number;
  readonly appendedBeforeAnswer: boolean;
}

/** What the GPT-Live agents' measured turns showed. */
export interface LiveRun {
  readonly turns: number;
  readonly voiceAnswer: {
    readonly live_baseline: Distribution;
    readonly live_grounded: Distribution;
    readonly addedMs: { p50: number; p95: number };
  };
  readonly grounding: LiveGrounding;
}

interface LiveGrounding {
  readonly lastDeltaToAppendSent: Distribution | null;
  readonly lastDeltaToAck: Distribution | null;
  readonly sayToFirstAppendSent: Distribution | null;
  /** Turns whose last append was sent after the caller's last delta (the ones timed above). */
  readonly turnsAppendedAfterLastDelta: number;
  /** Turns with no append after the last delta (already given for fewer words, or same as before). */
  readonly turnsWithoutAppendAfterLastDelta: number;
  readonly appendsPerTurn: { mean: number; max: number };
  readonly retrievalsPerTurn: { mean: number; max: number };
  readonly inputDeltasPerTurn: number;
  /** Share of turns whose first append was sent before the voice's first answer word reached the page. */
  readonly appendedBeforeVoiceAnsweredShare: number;
  readonly outcomes: Record<string, number>;
  readonly groundingSeconds: Record<string, HistogramSummary>;
}

/**
 * A GPT-Live run from each agent's samples, `wallMs` being the measured turns' wall time and
 * `before`/`after` the app's histograms around them.
 */
export function liveRunOf(
  samples: Map<LiveAgent, LiveSample[]>,
  wallMs: number,
  before: Snapshot,
  after: Snapshot,
): LiveRun {
  const answers = (agent: LiveAgent) => samples.get(agent)!.map((s) => s.voiceAnswerMs);
  const plain = distribution(answers('live_baseline'), wallMs);
  const grounded = distribution(answers('live_grounded'), wallMs);
  return {
    turns: TURNS,
    voiceAnswer: {
      live_baseline: plain,
      live_grounded: grounded,
      addedMs: {
        p50: round(grounded.p50Ms - plain.p50Ms),
        p95: round(grounded.p95Ms - plain.p95Ms),
      },
    },
    grounding: liveGrounding(samples.get('live_grounded')!, wallMs, before, after),
  };
}

function liveGrounding(
  g: readonly LiveSample[],
  wallMs: number,
  before: Snapshot,
  after: Snapshot,
): LiveGrounding {
  const timed = g.filter((s) => s.lastDeltaToAppendMs !== undefined);
  const times = (values: (number | undefined)[]) => {
    const known = values.filter((v) => v !== undefined);
    return known.length > 0 ? distribution(known, wallMs) : null;
  };
  const stat = (values: number[]) => ({
    mean: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)),
    max: Math.max(0, ...values),
  });
  return {
    lastDeltaToAppendSent: times(timed.map((s) => s.lastDeltaToAppendMs)),
    lastDeltaToAck: times(timed.map((s) => s.lastDeltaToAckMs)),
    sayToFirstAppendSent: times(g.map((s) => s.sayToFirstAppendMs)),
    turnsAppendedAfterLastDelta: timed.length,
    turnsWithoutAppendAfterLastDelta: g.length - timed.length,
    appendsPerTurn: stat(g.map((s) => s.appends)),
    retrievalsPerTurn: stat(g.map((s) => s.retrievals)),
    inputDeltasPerTurn: round(g.reduce((n, s) => n + s.inputDeltas, 0) / g.length),
    appendedBeforeVoiceAnsweredShare: round(
      g.filter((s) => s.appendedBeforeAnswer).length / g.length,
    ),
    outcomes: outcomesOf(before, after, 'live', 'as_spoken'),
    groundingSeconds: byOutcome(before, after, 'live', 'as_spoken'),
  };
}
