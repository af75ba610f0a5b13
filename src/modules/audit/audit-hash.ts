import { createHash } from 'node:crypto';

import canonicalize from 'canonicalize';

/** The chain starts from this "previous hash". */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: everything but the hash itself. */
export interface HashedFields {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly data: unknown;
}

/**
 * `hash = sha256(prevHash ‖ canonicalJSON(entry))`, hex. RFC 8785 canonical JSON (sorted keys, no
 * whitespace, canonical numbers) means anyone can recompute it offline from the exported rows.
 */
export function entryHash(prevHash: string, fields: HashedFields): string {
  const canonical = canonicalize({
    seq: fields.seq,
    at: fields.at,
    actor: fields.actor,
    action: fields.action,
    subject: fields.subject,
    data: fields.data,
  });
  return createHash('sha256')
    .update(prevHash)
    .update(canonical ?? '')
    .digest('hex');
}
