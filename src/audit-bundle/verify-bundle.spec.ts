import { generateKeyPairSync, sign } from 'node:crypto';

import { entryHash, GENESIS_HASH } from '../modules/audit/index.js';
import {
  BUNDLE_VERSION,
  headerDigest,
  keyIdOf,
  signedBytes,
  type BundleEntry,
  type BundleHeader,
  type CheckpointBody,
} from './bundle-format.js';
import { verifyBundle } from './verify-bundle.js';

const keys = generateKeyPairSync('ed25519');
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const keyId = keyIdOf(keys.publicKey.export({ type: 'spki', format: 'der' }));

/** A valid two-entry bundle, built the way the exporter writes one, as parsed lines. */
function bundle(): Record<string, unknown>[] {
  const header: BundleHeader = {
    type: 'header',
    version: BUNDLE_VERSION,
    keyId,
    from: null,
    to: null,
    firstSeq: 1,
    prevHash: GENESIS_HASH,
    exportedAt: '2030-01-01T00:00:00.000Z',
  };
  const entries: BundleEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (const seq of [1, 2]) {
    const fields = {
      seq,
      at: '2030-01-01T00:00:00.000Z',
      actor: 'system',
      action: 'test.entry',
      subject: `s_${seq}`,
      data: { seq },
    };
    const hash = entryHash(prevHash, fields);
    entries.push({ type: 'entry', ...fields, prevHash, hash });
    prevHash = hash;
  }
  const body: CheckpointBody = {
    type: 'checkpoint',
    seq: 2,
    hash: prevHash,
    count: 2,
    final: true,
    headerDigest: headerDigest(header),
    keyId,
  };
  const signature = sign(null, signedBytes(body), keys.privateKey).toString('base64');
  return [{ ...header }, ...entries.map((e) => ({ ...e })), { ...body, signature }];
}

const verify = (lines: Record<string, unknown>[]) =>
  verifyBundle(
    lines.map((line) => JSON.stringify(line)),
    publicKeyPem,
  );

describe(verifyBundle.name, () => {
  it('accepts the bundle as exported', () => {
    expect(verify(bundle())).toEqual({ ok: true, entries: 2, checkpoints: 1, lastSeq: 2 });
  });

  it.each([
    ['the header', 0],
    ['the entry', 2],
    ['the checkpoint', 3],
  ])('refuses an extra field on %s, naming the line and the field', (kind, index) => {
    const lines = bundle();
    lines[index] = { ...lines[index], comment: 'added later' };
    expect(verify(lines)).toEqual({
      ok: false,
      line: index + 1,
      problem: `${kind} has an unexpected field "comment"`,
    });
  });

  it('refuses a smuggled __proto__ member like any other extra field', () => {
    // JSON.parse makes `__proto__` an own member; neither the hash nor a signature covers it.
    const lines = bundle();
    lines[1] = JSON.parse(JSON.stringify(lines[1]).replace(/}$/, ',"__proto__":{"x":1}}'));
    expect(verify(lines)).toMatchObject({
      ok: false,
      line: 2,
      problem: expect.stringContaining('"__proto__"'),
    });
  });

  it.each([
    ['the header', 0, 'exportedAt'],
    ['the entry', 1, 'prevHash'],
    ['the checkpoint', 3, 'signature'],
  ])('refuses %s without a field of the format, naming it', (kind, index, field) => {
    const lines = bundle();
    const { [field]: _dropped, ...rest } = lines[index];
    lines[index] = rest;
    expect(verify(lines)).toEqual({
      ok: false,
      line: index + 1,
      problem: `${kind} is missing the field "${field}"`,
    });
  });

  it('still reports a changed value as such, not as a field problem', () => {
    const lines = bundle();
    lines[2] = { ...lines[2], subject: 'changed' };
    expect(verify(lines)).toMatchObject({
      ok: false,
      line: 3,
      problem: 'entry 2 was altered (its hash does not match its content)',
    });
  });
});
