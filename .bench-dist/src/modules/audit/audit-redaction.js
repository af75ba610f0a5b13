/** Keys whose values never reach the audit log, at any depth (defence in depth: callers omit them). */ const SECRET_KEY = /(secret|passw(or)?d|api[-_]?key|authorization|bearer|access[-_]?token|refresh[-_]?token|id[-_]?token|^token$|^key$|^value$)/i;
export const REDACTED = '[redacted]';
/** Copies `data`, replacing values under secret-looking keys with `[redacted]`. */ export function redactSecrets(data) {
    if (Array.isArray(data)) return data.map(redactSecrets);
    if (data && typeof data === 'object') {
        return Object.fromEntries(Object.entries(data).map(([key, value])=>[
                key,
                SECRET_KEY.test(key) ? REDACTED : redactSecrets(value)
            ]));
    }
    return data;
}

//# sourceMappingURL=audit-redaction.js.map