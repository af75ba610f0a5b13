/**
 * The session a call runs with, built on the server (the browser never chooses it) and stored
 * with the session: the `openai` SDK's Realtime session type, narrowed to what Switchboard always
 * sets. Every reader uses this type; nobody casts a stored config.
 */ export { };

//# sourceMappingURL=session-config.js.map