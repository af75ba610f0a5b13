/** The public face of the identity module: what other modules may import. */ export * from './api-keys.repository.js';
export * from './api-keys.service.js';
export * from './identity.errors.js';
export * from './identity.module.js';

//# sourceMappingURL=index.js.map