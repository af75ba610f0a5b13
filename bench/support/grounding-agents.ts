import { AGENT_PROFILES } from '../../src/config/agent-profiles.js';
import { realtimeAgent } from '../../test/support/grounding.js';

/** The default profile's model settings, every response started by Switchboard. */
const BASE = realtimeAgent({ responseStart: 'server' });

/** The Realtime agents: the default profile without grounding and with each grounding mode. */
export const REALTIME_AGENTS = {
  baseline: BASE,
  next_turn: { ...BASE, grounding: { mode: 'next_turn' } },
  transcript: { ...BASE, grounding: { mode: 'transcript' } },
  partial: { ...BASE, grounding: { mode: 'partial' } },
  // Not a default: `transcript` with a budget above every delay measured, so the sweep shows what
  // waiting for the transcript costs when the budget does not cut it off.
  transcript_1s: { ...BASE, grounding: { mode: 'transcript', budgetMs: 1000 } },
} as const;
export type RealtimeAgent = keyof typeof REALTIME_AGENTS;
/** Agents run at every transcription delay of the sweep (the main run has all of them). */
export const SWEEP_AGENTS: readonly RealtimeAgent[] = ['baseline', 'transcript', 'transcript_1s'];

/** The grounding mode an agent's histograms are labelled with (none for the baseline). */
export function modeOf(agent: RealtimeAgent): string | undefined {
  return agent === 'baseline' ? undefined : REALTIME_AGENTS[agent].grounding.mode;
}

const LIVE_BASE = {
  api: 'live',
  model: 'gpt-live-1',
  voice: AGENT_PROFILES.default.voice,
  instructions: 'You are the voice of an online shop. Answer from the knowledge you are given.',
};
/** The GPT-Live agents: without grounding and with it. */
export const LIVE_AGENTS = {
  live_baseline: LIVE_BASE,
  live_grounded: { ...LIVE_BASE, grounding: {} },
} as const;
export type LiveAgent = keyof typeof LIVE_AGENTS;

/** Every turn is answered "Yes.": short, so a turn is mostly what comes before the answer. */
export const SCENARIO = { name: 'grounding-bench', rules: [{ when: { any: true }, say: 'Yes.' }] };
