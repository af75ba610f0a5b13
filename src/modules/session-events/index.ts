/** The public face of the session-events module: what other modules may import. */
export * from './session-events.module.js';
export type { SessionEvent } from './session-event.js';
