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
 */
export const BUNDLE_VERSION = 1;
export const CHECKPOINT_EVERY = 1000;

export interface BundleHeader {
  readonly type: 'header';
  readonly version: number;
  readonly keyId: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly firstSeq: number;
  /** The hash the first entry chains from (the genesis hash when it is entry 1). */
  readonly prevHash: string;
  readonly exportedAt: string;
}

export interface BundleEntry {
  readonly type: 'entry';
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
  readonly prevHash: string;
  readonly hash: string;
}

export interface CheckpointBody {
  readonly type: 'checkpoint';
  /** Last entry covered (firstSeq - 1 when there are none). */
  readonly seq: number;
  readonly hash: string;
  /** Entries since the header. */
  readonly count: number;
  readonly final: boolean;
  readonly headerDigest: string;
  readonly keyId: string;
}

export interface BundleCheckpoint extends CheckpointBody {
  /** base64 Ed25519 signature over `signedBytes(body)`. */
  readonly signature: string;
}

/**
 * The members of each line kind, exactly: the verifier refuses a line with any other member or
 * without one of these. `satisfies` keeps each list equal to its interface's keys.
 */
export const HEADER_FIELDS = fieldsOf({
  type: true,
  version: true,
  keyId: true,
  from: true,
  to: true,
  firstSeq: true,
  prevHash: true,
  exportedAt: true,
} satisfies Record<keyof BundleHeader, true>);

export const ENTRY_FIELDS = fieldsOf({
  type: true,
  seq: true,
  at: true,
  actor: true,
  action: true,
  subject: true,
  data: true,
  prevHash: true,
  hash: true,
} satisfies Record<keyof BundleEntry, true>);

export const CHECKPOINT_FIELDS = fieldsOf({
  type: true,
  seq: true,
  hash: true,
  count: true,
  final: true,
  headerDigest: true,
  keyId: true,
  signature: true,
} satisfies Record<keyof BundleCheckpoint, true>);

function fieldsOf(fields: Record<string, true>): ReadonlySet<string> {
  return new Set(Object.keys(fields));
}

export function headerDigest(header: BundleHeader): string {
  return createHash('sha256')
    .update(canonicalize(header) ?? '')
    .digest('hex');
}

export function signedBytes(body: CheckpointBody): Buffer {
  const { type, seq, hash, count, final, headerDigest: digest, keyId } = body;
  return Buffer.from(
    canonicalize({ type, seq, hash, count, final, headerDigest: digest, keyId }) ?? '',
  );
}

/** First 16 hex of the SHA-256 of the public key (SPKI DER): names the key in bundles. */
export function keyIdOf(spkiDer: Buffer): string {
  return createHash('sha256').update(spkiDer).digest('hex').slice(0, 16);
}
