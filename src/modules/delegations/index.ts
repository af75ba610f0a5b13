/** The public face of the delegations module: what other modules may import. */
export * from './delegation-handler.js';
export * from './delegations.module.js';
