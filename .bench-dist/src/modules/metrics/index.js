/** The public face of the metrics module: what other modules may import. */ export * from './http-metrics.middleware.js';
export * from './metrics.module.js';
export * from './metrics.registry.js';

//# sourceMappingURL=index.js.map