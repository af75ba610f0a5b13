/** The public face of the tools module: what other modules may import. */ export * from './arguments-digest.js';
export * from './registered-tool.js';
export * from './tool-access.policy.js';
export * from './tool-allowlist.js';
export * from './tool-arguments.js';
export * from './tool-options.js';
export * from './tool-redaction.js';
export * from './tool-runner.js';
export * from './tool.decorator.js';
export * from './tool.errors.js';
export * from './tool.messages.js';
export * from './tool.registry.js';
export * from './tools.module.js';

//# sourceMappingURL=index.js.map