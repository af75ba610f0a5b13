/** The public face of the tool-calls module: what other modules may import. */ export * from './tool-calls.errors.js';
export * from './tool-calls.module.js';

//# sourceMappingURL=index.js.map