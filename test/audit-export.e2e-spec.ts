import type { AuditAction } from '../src/modules/audit/audit-entry.js';
import { generateKeyPairSync } from 'node:crypto';

import { AuditLog } from '../src/modules/audit/audit-log.service.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { verifierExitCode, verifyOffline } from './support/audit-verifier.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('audit export: signed bundles verified offline', () => {
  let sut: TestApp;
  let auditorKey: string;
  let publicKeyPem: string;
  let bundle: string[];
  const signing = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        SWITCHBOARD_AUDIT_SIGNING_KEY: signing.privateKey
          .export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      },
    });
    ({ key: auditorKey } = await sut.app
      .get(ApiKeysService)
      .create('auditor', ['auditor'], 'system'));
    const audit = sut.app.get(AuditLog);
    // More than one checkpoint interval (1000), with data that needs escaping.
    for (let i = 0; i < 1050; i++)
      await audit.append({
        actor: 'system',
        action: 'test.entry' as AuditAction, // any action: the format does not care
        subject: `s_${i}`,
        data: { i, note: i % 7 === 0 ? 'quote " backslash \\ ünïcode ✓ \n newline' : 'plain' },
      });
    publicKeyPem = await (await fetch(`${sut.url}/v1/audit/public-key`)).text();
    const res = await fetch(`${sut.url}/v1/admin/audit/export`, {
      headers: { authorization: `Bearer ${auditorKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    bundle = (await res.text()).trimEnd().split('\n');
  }, 120_000);
  afterAll(() => sut.close());

  const types = () => bundle.map((line) => (JSON.parse(line) as { type: string }).type);

  it('publishes the public key without credentials, and it is the configured one', () => {
    expect(publicKeyPem).toBe(signing.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  });

  it('exports a header, every entry, a checkpoint every 1000 entries and a final one', () => {
    const entries = types().filter((t) => t === 'entry').length;
    expect(types()[0]).toBe('header');
    expect(entries).toBeGreaterThanOrEqual(1051); // ours + the key creation
    expect(types().filter((t) => t === 'checkpoint')).toHaveLength(2);
    expect(JSON.parse(bundle.at(-1)!)).toMatchObject({
      type: 'checkpoint',
      final: true,
      count: entries,
    });
  });

  it('verifies offline', async () => {
    const result = await verifyOffline(bundle.join('\n'), publicKeyPem);
    expect(result).toEqual({
      code: 0,
      out: expect.stringMatching(/^OK \d+ entries .*2 signed checkpoint/),
    });
  });

  it('fails on an edited entry, naming its line', async () => {
    const edited = [...bundle];
    const entry = JSON.parse(bundle[5]) as Record<string, unknown>;
    edited[5] = JSON.stringify({ ...entry, data: { ...(entry.data as object), note: 'changed' } });
    const result = await verifyOffline(edited.join('\n'), publicKeyPem);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/:6: entry \d+ was altered/);
  });

  it('fails on a deleted entry', async () => {
    const result = await verifyOffline(bundle.filter((_, i) => i !== 10).join('\n'), publicKeyPem);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/:11: expected entry \d+, found \d+/);
  });

  it('reports a line that is not an object instead of crashing', async () => {
    const odd = [...bundle.slice(0, 3), 'null', ...bundle.slice(3)];
    const result = await verifyOffline(odd.join('\n'), publicKeyPem);
    expect(result).toEqual({
      code: 1,
      out: expect.stringMatching(/:4: line is not a JSON object/),
    });
  });

  it('fails on reordered entries', async () => {
    const reordered = [...bundle];
    [reordered[20], reordered[21]] = [reordered[21], reordered[20]];
    const result = await verifyOffline(reordered.join('\n'), publicKeyPem);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/:21: expected entry/);
  });

  it('fails on a truncated bundle, even when cut right after a checkpoint', async () => {
    const firstCheckpoint = types().indexOf('checkpoint');
    for (const cut of [bundle.length - 1, firstCheckpoint + 1, 500]) {
      const result = await verifyOffline(bundle.slice(0, cut).join('\n'), publicKeyPem);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/truncated/);
    }
  });

  it('fails on an edited header, a forged checkpoint and another key', async () => {
    const header = JSON.parse(bundle[0]) as Record<string, unknown>;
    const editedHeader = [
      JSON.stringify({ ...header, to: '2030-01-01T00:00:00.000Z' }),
      ...bundle.slice(1),
    ];
    expect((await verifyOffline(editedHeader.join('\n'), publicKeyPem)).out).toMatch(
      /another header/,
    );
    const final = JSON.parse(bundle.at(-1)!) as Record<string, unknown>;
    const forged = [
      ...bundle.slice(0, -1),
      JSON.stringify({ ...final, signature: Buffer.alloc(64).toString('base64') }),
    ];
    expect((await verifyOffline(forged.join('\n'), publicKeyPem)).out).toMatch(
      /signature is not valid/,
    );
    const other = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const wrongKey = await verifyOffline(bundle.join('\n'), other);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toMatch(/not the given key/);
  });

  it.each([
    ['an entry', () => 5, 'the entry'],
    ['the header', () => 0, 'the header'],
    ['a checkpoint', () => types().indexOf('checkpoint'), 'the checkpoint'],
    ['the final checkpoint', () => bundle.length - 1, 'the checkpoint'],
  ])('fails on an extra field on %s, naming its line and the field', async (_, at, kind) => {
    const index = at();
    const extended = [...bundle];
    const line = JSON.parse(bundle[index]) as Record<string, unknown>;
    extended[index] = JSON.stringify({ ...line, approvedBy: 'mallory' });
    const result = await verifyOffline(extended.join('\n'), publicKeyPem);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      new RegExp(`^INVALID \\S+:${index + 1}: ${kind} has an unexpected field "approvedBy"\\n$`),
    );
  });

  it('exports a time range as a chain that starts from the entry before it', async () => {
    const all = bundle
      .slice(1)
      .map((line) => JSON.parse(line) as { type: string; seq: number; at: string; hash: string });
    const entries = all.filter((e) => e.type === 'entry');
    const from = entries[100].at;
    const res = await fetch(`${sut.url}/v1/admin/audit/export?from=${encodeURIComponent(from)}`, {
      headers: { authorization: `Bearer ${auditorKey}` },
    });
    const part = (await res.text()).trimEnd().split('\n');
    const header = JSON.parse(part[0]) as { firstSeq: number; prevHash: string };
    const before = entries.find((e) => e.seq === header.firstSeq - 1)!;
    expect(header.prevHash).toBe(before.hash);
    expect((await verifyOffline(part.join('\n'), publicKeyPem)).code).toBe(0);
  });

  it('lets only auditors and admins export', async () => {
    expect((await fetch(`${sut.url}/v1/admin/audit/export`)).status).toBe(401);
    const { key } = await sut.app.get(ApiKeysService).create('approver', ['approver'], 'system');
    const res = await fetch(`${sut.url}/v1/admin/audit/export`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(403);
  });

  it('answers bad usage of the verifier with exit code 2', async () => {
    expect(await verifierExitCode([])).toBe(2);
  });
});
