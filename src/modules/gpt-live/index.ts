/** The public face of the gpt-live module: what other modules may import. */
export * from './gpt-live.module.js';
export * from './live-calls.js';
export * from './live-event-bus.js';
export * from './live-sidebands.js';
