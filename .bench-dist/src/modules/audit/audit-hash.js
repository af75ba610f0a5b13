import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
/** The chain starts from this "previous hash". */ export const GENESIS_HASH = '0'.repeat(64);
/**
 * `hash = sha256(prevHash ‖ canonicalJSON(entry))`, hex. RFC 8785 canonical JSON (sorted keys, no
 * whitespace, canonical numbers) means anyone can recompute it offline from the exported rows.
 */ export function entryHash(prevHash, fields) {
    const canonical = canonicalize({
        seq: fields.seq,
        at: fields.at,
        actor: fields.actor,
        action: fields.action,
        subject: fields.subject,
        data: fields.data
    });
    return createHash('sha256').update(prevHash).update(canonical ?? '').digest('hex');
}

//# sourceMappingURL=audit-hash.js.map