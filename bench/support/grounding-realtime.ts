import { setTimeout as sleep } from 'node:timers/promises';

import type { INestApplication } from '@nestjs/common';

import type { RealtimeEvent } from '../../test/support/event-stream.js';
import type { RealtimeAgent } from './grounding-agents.js';
import { interleavedTurns, type CorpusDocument } from './grounding-corpus.js';
import {
  accumulate,
  metricSnapshot,
  observationCount,
  settled,
  type Snapshot,
} from './grounding-metrics.js';
import { connectRealtime, simulator, type Call } from './grounding-page.js';
import {
  realtimeRunOf,
  type RealtimeRun,
  type RealtimeSample,
} from './grounding-realtime-summary.js';
import { TURN_GAP_MS, TURNS, WARM_UP } from './grounding-settings.js';

/** The page events of one Realtime turn the bench waits for, each the first of its type. */
const TURN_EVENTS = {
  stopped: 'input_audio_buffer.speech_stopped',
  committed: 'input_audio_buffer.committed',
  created: 'response.created',
  audio: 'output_audio_buffer.started',
  delta: 'response.output_audio_transcript.delta',
  transcribed: 'conversation.item.input_audio_transcription.completed',
  done: 'response.done',
  played: 'output_audio_buffer.stopped',
} as const;
type TurnEvents = Record<keyof typeof TURN_EVENTS, RealtimeEvent>;

/**
 * `agents` each in a Realtime call of its own, `WARM_UP` and then `TURNS` spoken turns each,
 * interleaved; per agent, the page's timings and what its measured turns added to the app's
 * grounding histograms, and what each grounded agent adds over the baseline.
 */
export async function realtimeRun(
  app: INestApplication,
  agents: readonly RealtimeAgent[],
  docs: readonly CorpusDocument[],
  log: (line: string) => void,
): Promise<RealtimeRun> {
  const calls = new Map<RealtimeAgent, Call>();
  try {
    for (const agent of agents) calls.set(agent, await connectRealtime(app, agent));
    const turn = (agent: RealtimeAgent, text: string) =>
      realtimeTurn(app, calls.get(agent)!, text, agent !== 'baseline');
    await interleavedTurns(agents, docs, WARM_UP, 40, turn);
    // What each agent's turns added to the app's histograms (two agents can share a mode label).
    const metrics = new Map<RealtimeAgent, Snapshot>(agents.map((a) => [a, new Map()]));
    const started = performance.now();
    const samples = await interleavedTurns(agents, docs, TURNS, 0, async (agent, text) => {
      const before = await metricSnapshot(app);
      const sample = await turn(agent, text);
      accumulate(metrics.get(agent)!, before, await metricSnapshot(app));
      return sample;
    });
    const wall = performance.now() - started;
    const run = realtimeRunOf(agents, samples, metrics, wall);
    log(`realtime: ${agents.join(', ')}: ${TURNS} turns each in ${(wall / 1000).toFixed(0)} s`);
    return run;
  } finally {
    for (const call of calls.values()) await call.browser.close();
  }
}

/** One spoken turn, settled: answered, its audio played, its transcript in, its grounding done. */
async function realtimeTurn(
  app: INestApplication,
  call: Call,
  text: string,
  grounded: boolean,
): Promise<RealtimeSample> {
  const from = call.browser.stream.events.length;
  const observedBefore = grounded ? await observationCount(app, 'realtime') : 0;
  const waits = Object.entries(TURN_EVENTS).map(
    async ([key, type]) => [key, await call.first(type, from)] as const,
  );
  await simulator(app, `/__sim/calls/${call.callId}/say`, { text });
  const e = Object.fromEntries(await Promise.all(waits)) as TurnEvents;
  if (grounded) await settled(() => observationCount(app, 'realtime'), observedBefore, 0, 5000);
  await sleep(TURN_GAP_MS);
  const events = call.browser.stream.events;
  const createdAt = events.indexOf(e.created);
  const knowledge = events
    .slice(from)
    .filter(isKnowledgeItem)
    .map((k) => events.indexOf(k));
  const t = (event: RealtimeEvent) => call.at.get(event)!;
  return {
    audioMs: t(e.audio) - t(e.stopped),
    deltaMs: t(e.delta) - t(e.stopped),
    createdMs: t(e.created) - t(e.stopped),
    transcriptMs: t(e.transcribed) - t(e.committed),
    knowledgeBefore: knowledge.filter((i) => i < createdAt).length,
    knowledgeItems: knowledge.length,
  };
}

/** A system item carrying a knowledge block (`<knowledge id="kn_…">`), as the page sees it added. */
function isKnowledgeItem(event: RealtimeEvent): boolean {
  if (event.type !== 'conversation.item.added') return false;
  const item = event.item as { role?: string; content?: { text?: string }[] } | undefined;
  return (
    item?.role === 'system' &&
    (item.content ?? []).some((c) => c.text?.includes('<knowledge id="kn_') ?? false)
  );
}
