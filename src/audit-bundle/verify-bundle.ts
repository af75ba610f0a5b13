import { createPublicKey, verify, type KeyObject } from 'node:crypto';

import { entryHash } from '../modules/audit/audit-hash.js';
import {
  BUNDLE_VERSION,
  headerDigest,
  keyIdOf,
  signedBytes,
  type BundleCheckpoint,
  type BundleEntry,
  type BundleHeader,
} from './bundle-format.js';

export type BundleVerification =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly checkpoints: number;
      readonly lastSeq: number;
    }
  | { readonly ok: false; readonly line: number; readonly problem: string };

/**
 * Checks an exported audit bundle offline: every line parses, the header comes first, every
 * entry's hash is recomputed and chains to the one before, sequence numbers have no gaps, every
 * checkpoint matches the chain and carries a valid Ed25519 signature by the given key, and the
 * bundle ends with a final checkpoint. Reports the first problem with its line number (1-based).
 */
export function verifyBundle(lines: readonly string[], publicKeyPem: string): BundleVerification {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return { ok: false, line: 0, problem: 'the public key is not a valid PEM public key' };
  }
  const keyId = keyIdOf(key.export({ type: 'spki', format: 'der' }));
  const records = lines.map((text) => text.trim());
  while (records.length > 0 && records.at(-1) === '') records.pop(); // a final newline
  if (records.length === 0 || !records[0]) return fail(1, 'the bundle is empty');

  let header: BundleHeader;
  try {
    header = JSON.parse(records[0]) as BundleHeader;
  } catch {
    return fail(1, 'line is not JSON');
  }
  if (!header || typeof header !== 'object' || header.type !== 'header')
    return fail(1, 'the first line must be the header');
  if (header.version !== BUNDLE_VERSION)
    return fail(1, `unsupported bundle version ${header.version}`);
  if (header.keyId !== keyId)
    return fail(1, `signed with key ${header.keyId}, not the given key ${keyId}`);
  const digest = headerDigest(header);

  let expectedSeq = header.firstSeq;
  let prevHash = header.prevHash;
  let count = 0;
  let checkpoints = 0;
  let finalSeen = false;
  for (let i = 1; i < records.length; i++) {
    const lineNo = i + 1;
    if (finalSeen) return fail(lineNo, 'lines after the final checkpoint');
    let record: BundleEntry | BundleCheckpoint;
    try {
      record = JSON.parse(records[i]) as BundleEntry | BundleCheckpoint;
    } catch {
      return fail(lineNo, 'line is not JSON');
    }
    if (!record || typeof record !== 'object') return fail(lineNo, 'line is not a JSON object');
    if (record.type === 'entry') {
      if (record.seq !== expectedSeq)
        return fail(lineNo, `expected entry ${expectedSeq}, found ${record.seq}`);
      if (record.prevHash !== prevHash)
        return fail(lineNo, `entry ${record.seq} does not chain to the entry before it`);
      if (entryHash(prevHash, record) !== record.hash)
        return fail(
          lineNo,
          `entry ${record.seq} was altered (its hash does not match its content)`,
        );
      prevHash = record.hash;
      expectedSeq += 1;
      count += 1;
    } else if (record.type === 'checkpoint') {
      const problem = checkCheckpoint(record, {
        seq: expectedSeq - 1,
        hash: prevHash,
        count,
        digest,
        keyId,
        key,
      });
      if (problem) return fail(lineNo, problem);
      checkpoints += 1;
      finalSeen = record.final;
    } else {
      return fail(
        lineNo,
        `unknown line type ${JSON.stringify((record as { type?: unknown }).type)}`,
      );
    }
  }
  if (!finalSeen)
    return fail(
      records.length,
      'the bundle is truncated: it does not end with the final checkpoint',
    );
  return { ok: true, entries: count, checkpoints, lastSeq: expectedSeq - 1 };
}

function checkCheckpoint(
  checkpoint: BundleCheckpoint,
  expected: {
    seq: number;
    hash: string;
    count: number;
    digest: string;
    keyId: string;
    key: KeyObject;
  },
): string | undefined {
  if (
    checkpoint.seq !== expected.seq ||
    checkpoint.hash !== expected.hash ||
    checkpoint.count !== expected.count
  )
    return `checkpoint does not match the chain (expected entry ${expected.seq}, ${expected.count} entries)`;
  if (checkpoint.headerDigest !== expected.digest) return 'checkpoint belongs to another header';
  if (checkpoint.keyId !== expected.keyId) return 'checkpoint names another key';
  const valid = verify(
    null,
    signedBytes(checkpoint),
    expected.key,
    Buffer.from(checkpoint.signature ?? '', 'base64'),
  );
  return valid ? undefined : 'checkpoint signature is not valid for the given key';
}

function fail(line: number, problem: string): BundleVerification {
  return { ok: false, line, problem };
}
