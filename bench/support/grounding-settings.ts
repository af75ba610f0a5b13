/** The grounding benchmark's run settings (env: GROUNDING_BENCH_TURNS, _WARM_UP, _SWEEP). */

/** Measured turns per agent (Realtime and GPT-Live alike), after `WARM_UP` turns each. */
export const TURNS = Number(process.env.GROUNDING_BENCH_TURNS ?? 40);
export const WARM_UP = Number(process.env.GROUNDING_BENCH_WARM_UP ?? 5);
/**
 * The simulator's input-transcription delay of the main run (commit → `…transcription.completed`,
 * deltas spread evenly before it). An assumption, not a measurement of OpenAI: see `DELAY_WHY`.
 */
export const TRANSCRIPTION_DELAY_MS = 300;
export const DELAY_WHY =
  "OpenAI transcribes the caller's audio asynchronously after the commit; its " +
  '`conversation.item.input_audio_transcription.completed` often lands after the response has ' +
  'started. 300 ms is an assumed, realistic delay for a short question, not a measurement of ' +
  'OpenAI; the sweep shows how the cost follows it.';
/** Extra delays, each its own app boot, for `transcript` and its baseline only (`SWEEP_AGENTS`). */
export const SWEEP_DELAYS_MS = (process.env.GROUNDING_BENCH_SWEEP ?? '0,800')
  .split(',')
  .filter((s) => s.trim() !== '')
  .map(Number);
/** Pause after a turn has settled, before the next: real turns are seconds apart. */
export const TURN_GAP_MS = 100;
/** What grounding may add to a turn in the default mode (`next_turn`), at p95 (the issue). */
export const TARGET_ADDED_P95_MS = 30;
