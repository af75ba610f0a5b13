/** The public face of the sessions module: what other modules may import. */
export * from './session-detail-sections.js';
export * from './session-lifecycle.js';
export * from './session.record.js';
export * from './sessions.errors.js';
export * from './sessions.module.js';
export * from './sessions.repository.js';
export * from './sessions.service.js';
export * from './usage-cost.js';
