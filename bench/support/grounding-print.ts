import type { RealtimeAgent } from './grounding-agents.js';
import type { RealtimeRun } from './grounding-realtime-summary.js';
import type { GroundingResult } from './grounding-result.js';

/** Prints the result's figures, a line per Realtime agent and run and one for GPT-Live, then `file`. */
export function printGroundingResult(result: GroundingResult, file: string): void {
  printRealtime(result.database, `transcript ${result.transcriptionDelayMs.value} ms`, result);
  for (const s of result.transcriptSweep)
    printRealtime(result.database, `transcript ${s.transcriptionDelayMs} ms`, s);
  printLive(result);
  console.log(
    JSON.stringify({
      file,
      addedMs: result.addedMs,
      target: result.target,
      totalRunSeconds: result.totalRunSeconds,
    }),
  );
}

function printRealtime(database: string, label: string, run: RealtimeRun): void {
  for (const [agent, mode] of Object.entries(run.modes)) {
    const audio = mode.speechStoppedToFirstAudio;
    const added = run.addedMs[agent as RealtimeAgent];
    const outcomes = mode.outcomes
      ? Object.entries(mode.outcomes)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      : undefined;
    console.log(
      `grounding [${database}, ${label}]: ${agent.padEnd(10)} end of speech→first audio p50/p95 ` +
        `${audio.p50Ms}/${audio.p95Ms} ms` +
        (added ? ` (${signed(added.p50)}/${signed(added.p95)} ms vs baseline)` : '') +
        (outcomes === undefined ? '' : `; outcomes ${outcomes}`) +
        (mode.transcriptWait ? `; transcript wait mean ${mode.transcriptWait.meanMs} ms` : '') +
        `; knowledge before its own answer ${mode.knowledgeBeforeAnswerShare}`,
    );
  }
}

function printLive({ database, live }: GroundingResult): void {
  const g = live.grounding;
  console.log(
    `grounding [${database}, GPT-Live]: last input delta→thinking.append sent p50/p95 ` +
      `${g.lastDeltaToAppendSent?.p50Ms ?? '–'}/${g.lastDeltaToAppendSent?.p95Ms ?? '–'} ms, ` +
      `→ack ${g.lastDeltaToAck?.p50Ms ?? '–'}/${g.lastDeltaToAck?.p95Ms ?? '–'} ms; voice answer ` +
      `p50/p95 ${live.voiceAnswer.live_baseline.p50Ms}/${live.voiceAnswer.live_baseline.p95Ms} ms ` +
      `without, ${live.voiceAnswer.live_grounded.p50Ms}/${live.voiceAnswer.live_grounded.p95Ms} ms ` +
      `with grounding (${signed(live.voiceAnswer.addedMs.p50)}/${signed(live.voiceAnswer.addedMs.p95)} ms); ` +
      `appended before the voice answered ${g.appendedBeforeVoiceAnsweredShare}`,
  );
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}
