/** The public face of the realtime module: what other modules may import. */ export * from './openai-endpoint.js';
export * from './realtime-event-bus.js';
export * from './realtime.module.js';
export * from './sideband-connections.js';
export * from './sideband-tags.js';
export * from './realtime-calls.js';

//# sourceMappingURL=index.js.map