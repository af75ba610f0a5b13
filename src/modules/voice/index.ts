/** The public face of the voice port: what governance code talks to, whichever voice API runs. */
export * from './session-config.js';
export * from './voice-call-router.js';
export * from './voice-calls.js';
export * from './voice-conversation.js';
export * from './voice-events.js';
export * from './voice.module.js';
