const REDACTED = '[redacted]';
/**
 * A copy of a tool's input with the declared fields (dot paths, `*` for every array element or
 * key) replaced, for logs, the audit log and approvers. The original is not touched.
 */ export function redactInput(input, paths) {
    let copy = structuredClone(input);
    for (const path of paths)copy = redactPath(copy, path.split('.'));
    return copy;
}
function redactPath(value, segments) {
    if (segments.length === 0 || !value || typeof value !== 'object') return value;
    const [head, ...rest] = segments;
    const record = value;
    const keys = head === '*' ? Object.keys(record) : [
        head
    ];
    for (const key of keys){
        if (!Object.hasOwn(record, key)) continue;
        record[key] = rest.length === 0 ? REDACTED : redactPath(record[key], rest);
    }
    return value;
}

//# sourceMappingURL=tool-redaction.js.map