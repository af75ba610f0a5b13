/** The public face of the framework-free knowledge pipeline. */ export * from './freshness.js';
export * from './knowledge.types.js';
export * from './rank.js';

//# sourceMappingURL=index.js.map