/** The public face of the knowledge module: what other modules may import. */
export * from './knowledge.errors.js';
export * from './knowledge.module.js';
export { KnowledgeSearch, type KnowledgeHit } from './knowledge-search.service.js';
export { KnowledgeClock } from './knowledge-clock.js';
export * from './knowledge-changes.js';
