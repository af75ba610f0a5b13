/**
 * Where the simulator reports what it could not do for a client (an event it could not deliver, a
 * connection that failed). Nest's and pino's loggers fit; without one it writes JSON to stderr.
 */ export const stderrLogger = {
    warn: (details, message)=>process.stderr.write(`${JSON.stringify({
            level: 'warn',
            time: Date.now(),
            name: 'realtime-simulator',
            msg: message,
            ...details
        })}\n`)
};

//# sourceMappingURL=simulator-logger.js.map