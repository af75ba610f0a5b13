/** The public face of the sessions module: what other modules may import. */
export * from './latency-meter.js';
export * from './server-responses.js';
export * from './session-transcripts.js';
export * from './session.record.js';
export * from './sessions.module.js';
export * from './sessions.service.js';
