/** The public face of the tool-calls module: what other modules may import. */
export * from './tool-calls.errors.js';
export * from './tool-calls.module.js';
export * from './session-principal.js';
export { ToolCallPipeline, type ToolCallResult } from './tool-call.pipeline.js';
