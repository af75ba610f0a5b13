/** The public face of the grounding module: what other modules may import. */
export * from './grounding.module.js';
export { GroundingWithdrawals } from './grounding-withdrawals.js';
export { KNOWLEDGE_PREAMBLE } from './knowledge-block.js';
export { GROUNDING_ERROR_CODES } from './grounding.errors.js';
