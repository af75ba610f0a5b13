import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
/**
 * The audit export format (JSONL), shared by the exporter and the offline verifier:
 *
 *   {"type":"header","version":1,"keyId","from","to","firstSeq","prevHash","exportedAt"}
 *   {"type":"entry","seq","at","actor","action","subject","data","prevHash","hash"}   × n
 *   {"type":"checkpoint","seq","hash","count","final","headerDigest","keyId","signature"}  every
 *     CHECKPOINT_EVERY entries and once at the end (`final: true`)
 *
 * A checkpoint signs (Ed25519) the canonical JSON of everything in it but the signature, which
 * binds the header (by its digest), the position in the chain and the number of entries so far:
 * editing, deleting, reordering or truncating lines all break a link or a signature.
 */ export const BUNDLE_VERSION = 1;
export const CHECKPOINT_EVERY = 1000;
/**
 * The members of each line kind, exactly: the verifier refuses a line with any other member or
 * without one of these. `satisfies` keeps each list equal to its interface's keys.
 */ export const HEADER_FIELDS = fieldsOf({
    type: true,
    version: true,
    keyId: true,
    from: true,
    to: true,
    firstSeq: true,
    prevHash: true,
    exportedAt: true
});
export const ENTRY_FIELDS = fieldsOf({
    type: true,
    seq: true,
    at: true,
    actor: true,
    action: true,
    subject: true,
    data: true,
    prevHash: true,
    hash: true
});
export const CHECKPOINT_FIELDS = fieldsOf({
    type: true,
    seq: true,
    hash: true,
    count: true,
    final: true,
    headerDigest: true,
    keyId: true,
    signature: true
});
function fieldsOf(fields) {
    return new Set(Object.keys(fields));
}
export function headerDigest(header) {
    return createHash('sha256').update(canonicalize(header) ?? '').digest('hex');
}
export function signedBytes(body) {
    const { type, seq, hash, count, final, headerDigest: digest, keyId } = body;
    return Buffer.from(canonicalize({
        type,
        seq,
        hash,
        count,
        final,
        headerDigest: digest,
        keyId
    }) ?? '');
}
/** First 16 hex of the SHA-256 of the public key (SPKI DER): names the key in bundles. */ export function keyIdOf(spkiDer) {
    return createHash('sha256').update(spkiDer).digest('hex').slice(0, 16);
}

//# sourceMappingURL=bundle-format.js.map