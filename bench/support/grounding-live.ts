import { setTimeout as sleep } from 'node:timers/promises';

import type { INestApplication } from '@nestjs/common';

import { LIVE_AGENTS, type LiveAgent } from './grounding-agents.js';
import { interleavedTurns, type CorpusDocument } from './grounding-corpus.js';
import { serverTimings, timeServerSide, type ServerSide } from './grounding-live-marks.js';
import { liveRunOf, type LiveRun, type LiveSample } from './grounding-live-summary.js';
import { metricSnapshot, observationCount, settled } from './grounding-metrics.js';
import { connectLive, simulator, type Call } from './grounding-page.js';
import { TURN_GAP_MS, TURNS, WARM_UP } from './grounding-settings.js';

/**
 * Both GPT-Live agents each in a session of its own, `WARM_UP` and then `TURNS` spoken turns each,
 * interleaved: the voice's answer time on the page, and Switchboard's `thinking.append` timings.
 */
export async function liveRun(
  app: INestApplication,
  docs: readonly CorpusDocument[],
  log: (line: string) => void,
): Promise<LiveRun> {
  const server = timeServerSide(app);
  const agents = Object.keys(LIVE_AGENTS) as LiveAgent[];
  const calls = new Map<LiveAgent, Call>();
  try {
    for (const agent of agents) calls.set(agent, await connectLive(app, agent));
    const turn = (agent: LiveAgent, text: string) =>
      liveTurn(app, calls.get(agent)!, text, agent === 'live_grounded', server);
    await interleavedTurns(agents, docs, WARM_UP, 40, turn);
    const before = await metricSnapshot(app);
    const started = performance.now();
    const samples = await interleavedTurns(agents, docs, TURNS, 0, turn);
    const wall = performance.now() - started;
    const after = await metricSnapshot(app);
    log(`live: ${agents.join(', ')}: ${TURNS} turns each in ${(wall / 1000).toFixed(0)} s`);
    return liveRunOf(samples, wall, before, after);
  } finally {
    server.stop();
    for (const call of calls.values()) await call.browser.close();
  }
}

/** One spoken turn, settled: answered, the answer finished, its grounding done. */
async function liveTurn(
  app: INestApplication,
  call: Call,
  text: string,
  grounded: boolean,
  server: ServerSide,
): Promise<LiveSample> {
  const from = call.browser.stream.events.length;
  const markFrom = server.marks.get(call.callId)?.length ?? 0;
  const observedBefore = await observationCount(app, 'live');
  const answered = call.first('session.output_transcript.delta', from);
  const saidAt = performance.now();
  await simulator(app, `/__sim/live/sessions/${call.callId}/say`, { text });
  const answer = await answered;
  const answeredAt = call.at.get(answer)!;
  // The voice says "Yes." (4 characters at 50 ms): let it finish before the caller speaks again.
  await sleep(250);
  if (grounded) await settled(() => observationCount(app, 'live'), observedBefore, 100, 5000);
  await sleep(TURN_GAP_MS);
  const events = call.browser.stream.events;
  const inputs = events
    .slice(from, events.indexOf(answer))
    .filter((e) => e.type === 'session.input_transcript.delta');
  if (inputs.length === 0) throw new Error('the page saw no input transcript before the answer');
  const own = (server.marks.get(call.callId) ?? []).slice(markFrom);
  return {
    voiceAnswerMs: answeredAt - call.at.get(inputs.at(-1)!)!,
    ...serverTimings(own, saidAt, answeredAt),
    retrievals: (await observationCount(app, 'live')) - observedBefore,
  };
}
