/** The public face of the live-calls module: what other modules may import. */
export * from './live-calls.module.js';
export * from './latency-meter.js';
export * from './realtime/session-transcripts.js';
export * from './gpt-live/live-observation.js';
export {
  type PreparedTurn,
  ServerResponses,
  type TurnPreparer,
} from './realtime/server-responses.js';
export { GovernedCalls } from './realtime/governed-calls.js';
