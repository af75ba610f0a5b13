/**
 * The messages between `WorkerEmbedder` and `embed.worker.js`. The worker is plain JavaScript
 * (it must run unbuilt under Jest and built from `dist/`), so it mirrors these types in JSDoc:
 * change both together.
 */ /** Worker → main thread. */ export { };

//# sourceMappingURL=embed-worker.protocol.js.map