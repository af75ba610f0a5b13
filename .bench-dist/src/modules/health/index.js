/** The public face of the health module: what other modules may import. */ export * from './health.module.js';

//# sourceMappingURL=index.js.map