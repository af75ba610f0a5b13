/** The public face of the live-calls module: what other modules may import. */
export * from './latency-meter.js';
export * from './live-calls.module.js';
export * from './server-responses.js';
export * from './session-transcripts.js';
