import { createPublicKey, verify } from 'node:crypto';
import { entryHash } from '../modules/audit/index.js';
import { BUNDLE_VERSION, CHECKPOINT_FIELDS, ENTRY_FIELDS, HEADER_FIELDS, headerDigest, keyIdOf, signedBytes } from './bundle-format.js';
/**
 * Checks an exported audit bundle offline: every line parses, the header comes first, every
 * entry's hash is recomputed and chains to the one before, sequence numbers have no gaps, every
 * checkpoint matches the chain and carries a valid Ed25519 signature by the given key, and the
 * bundle ends with a final checkpoint. Reports the first problem with its line number (1-based).
 */ export function verifyBundle(lines, publicKeyPem) {
    let key;
    try {
        key = createPublicKey(publicKeyPem);
    } catch  {
        return {
            ok: false,
            line: 0,
            problem: 'the public key is not a valid PEM public key'
        };
    }
    const records = lines.map((text)=>text.trim());
    while(records.length > 0 && records.at(-1) === '')records.pop(); // a final newline
    if (records.length === 0 || !records[0]) return fail(1, 'the bundle is empty');
    const start = readHeader(records[0], key);
    if (typeof start === 'string') return fail(1, start);
    for(let i = 1; i < records.length; i++){
        const problem = start.finalSeen ? 'lines after the final checkpoint' : step(records[i], start);
        if (problem) return fail(i + 1, problem);
    }
    if (!start.finalSeen) return fail(records.length, 'the bundle is truncated: it does not end with the final checkpoint');
    const { count, checkpoints, expectedSeq } = start;
    return {
        ok: true,
        entries: count,
        checkpoints,
        lastSeq: expectedSeq - 1
    };
}
/** The header, checked against the key; the starting state of the walk, or the problem. */ function readHeader(text, key) {
    const keyId = keyIdOf(key.export({
        type: 'spki',
        format: 'der'
    }));
    let header;
    try {
        header = JSON.parse(text);
    } catch  {
        return 'line is not JSON';
    }
    if (!header || typeof header !== 'object' || header.type !== 'header') return 'the first line must be the header';
    if (header.version !== BUNDLE_VERSION) return `unsupported bundle version ${header.version}`;
    const fields = fieldsProblem(header, HEADER_FIELDS, 'the header');
    if (fields) return fields;
    if (header.keyId !== keyId) return `signed with key ${header.keyId}, not the given key ${keyId}`;
    return {
        expectedSeq: header.firstSeq,
        prevHash: header.prevHash,
        count: 0,
        checkpoints: 0,
        finalSeen: false,
        digest: headerDigest(header),
        keyId,
        key
    };
}
/** One line after the header: advances the state, or names what is wrong with the line. */ function step(text, state) {
    let record;
    try {
        record = JSON.parse(text);
    } catch  {
        return 'line is not JSON';
    }
    if (!record || typeof record !== 'object') return 'line is not a JSON object';
    if (record.type === 'entry') {
        const fields = fieldsProblem(record, ENTRY_FIELDS, 'the entry');
        if (fields) return fields;
        if (record.seq !== state.expectedSeq) return `expected entry ${state.expectedSeq}, found ${record.seq}`;
        if (record.prevHash !== state.prevHash) return `entry ${record.seq} does not chain to the entry before it`;
        if (entryHash(state.prevHash, record) !== record.hash) return `entry ${record.seq} was altered (its hash does not match its content)`;
        state.prevHash = record.hash;
        state.expectedSeq += 1;
        state.count += 1;
        return undefined;
    }
    if (record.type === 'checkpoint') {
        const problem = fieldsProblem(record, CHECKPOINT_FIELDS, 'the checkpoint') ?? checkCheckpoint(record, {
            seq: state.expectedSeq - 1,
            hash: state.prevHash,
            count: state.count,
            digest: state.digest,
            keyId: state.keyId,
            key: state.key
        });
        if (problem) return problem;
        state.checkpoints += 1;
        state.finalSeen = record.final;
        return undefined;
    }
    return `unknown line type ${JSON.stringify(record.type)}`;
}
function checkCheckpoint(checkpoint, expected) {
    if (checkpoint.seq !== expected.seq || checkpoint.hash !== expected.hash || checkpoint.count !== expected.count) return `checkpoint does not match the chain (expected entry ${expected.seq}, ${expected.count} entries)`;
    if (checkpoint.headerDigest !== expected.digest) return 'checkpoint belongs to another header';
    if (checkpoint.keyId !== expected.keyId) return 'checkpoint names another key';
    const valid = verify(null, signedBytes(checkpoint), expected.key, Buffer.from(checkpoint.signature ?? '', 'base64'));
    return valid ? undefined : 'checkpoint signature is not valid for the given key';
}
/** Names the first member a line has beyond its format, or the first it lacks. */ function fieldsProblem(record, fields, kind) {
    const extra = Object.keys(record).find((key)=>!fields.has(key));
    if (extra !== undefined) return `${kind} has an unexpected field ${JSON.stringify(extra)}`;
    const missing = [
        ...fields
    ].find((field)=>!Object.hasOwn(record, field));
    if (missing !== undefined) return `${kind} is missing the field ${JSON.stringify(missing)}`;
    return undefined;
}
function fail(line, problem) {
    return {
        ok: false,
        line,
        problem
    };
}

//# sourceMappingURL=verify-bundle.js.map