/** The public face of the knowledge module: what other modules may import. */ export * from './knowledge.errors.js';
export * from './knowledge.module.js';
export { KnowledgeSearch } from './knowledge-search.service.js';

//# sourceMappingURL=index.js.map