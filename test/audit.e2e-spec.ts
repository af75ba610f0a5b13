import type { AuditAction } from '../src/modules/audit/audit-entry.js';
import { AuditLog } from '../src/modules/audit/audit-log.service.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { readProblem } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('audit log', () => {
  let sut: TestApp;
  let audit: AuditLog;
  let auditorKey: string;

  beforeAll(async () => {
    sut = await startTestApp();
    audit = sut.app.get(AuditLog);
    ({ key: auditorKey } = await sut.app
      .get(ApiKeysService)
      .create('auditor', ['auditor'], 'system'));
  });
  afterAll(() => sut.close());

  const api = (path: string, key = auditorKey) =>
    fetch(`${sut.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

  it('chains concurrent appends without gaps or forks', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit.append({
          actor: 'system',
          action: 'test.appended' as AuditAction,
          subject: `s_${i}`,
          data: { i },
        }),
      ),
    );
    const rows = await sut.query<{ seq: string; prev_hash: string; hash: string }>(
      `SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq`,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i].hash));
    const verify = await api('/v1/admin/audit/verify');
    expect(await verify.json()).toEqual({
      ok: true,
      entries: rows.length,
      lastHash: rows.at(-1)!.hash,
    });
  });

  it('never stores secrets', async () => {
    const entry = await audit.append({
      actor: 'system',
      action: 'test.secret' as AuditAction,
      subject: 'x',
      data: { clientSecret: 'ek_abc', nested: { apiKey: 'sk_sb_abc' } },
    });
    const [row] = await sut.query<{ data: unknown }>(`SELECT data FROM audit_log WHERE seq = $1`, [
      entry.seq,
    ]);
    expect(row.data).toEqual({ clientSecret: '[redacted]', nested: { apiKey: '[redacted]' } });
  });

  it('lists with filters and a cursor', async () => {
    const first = (await (await api('/v1/admin/audit?action=test.appended&limit=15')).json()) as {
      items: { seq: number; action: string }[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(15);
    expect(first.items.every((e) => e.action === 'test.appended')).toBe(true);
    const second = (await (
      await api(`/v1/admin/audit?action=test.appended&limit=100&cursor=${first.nextCursor}`)
    ).json()) as {
      items: { seq: number }[];
      nextCursor: string | null;
    };
    expect(second.items).toHaveLength(25);
    expect(second.items[0].seq).toBeGreaterThan(first.items[14].seq);
    expect(second.nextCursor).toBeNull();
    const bad = await api('/v1/admin/audit?limit=0&cursor=abc');
    expect(bad.status).toBe(400);
    expect((await readProblem(bad)).errors?.map((e) => e.pointer).sort()).toEqual([
      '/cursor',
      '/limit',
    ]);
  });

  it('is for auditors and admins only', async () => {
    const { key } = await sut.app.get(ApiKeysService).create('approver', ['approver'], 'system');
    expect((await api('/v1/admin/audit', key)).status).toBe(403);
    expect((await fetch(`${sut.url}/v1/admin/audit`)).status).toBe(401);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await expect(sut.query(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(sut.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sut.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('verify finds the first altered row, even if the attacker rehashes it', async () => {
    await sut.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    try {
      await sut.query(`UPDATE audit_log SET data = '{"i": 999}' WHERE seq = 5`);
      expect(await (await api('/v1/admin/audit/verify')).json()).toMatchObject({
        ok: false,
        brokenAt: 5,
        entries: 4,
        problem: 'hash does not match the entry content',
      });
      // Recomputing row 5's hash does not help: row 6 still points at the old one.
      const [row] = await sut.query<{
        seq: string;
        at: Date;
        actor: string;
        action: string;
        subject: string;
        data: unknown;
        prev_hash: string;
      }>(`SELECT * FROM audit_log WHERE seq = 5`);
      const { entryHash } = await import('../src/modules/audit/audit-hash.js');
      const forged = entryHash(row.prev_hash, { ...row, seq: 5, at: row.at.toISOString() });
      await sut.query(`UPDATE audit_log SET hash = $1 WHERE seq = 5`, [forged]);
      expect(await (await api('/v1/admin/audit/verify')).json()).toMatchObject({
        ok: false,
        brokenAt: 6,
        problem: 'prevHash does not match the previous entry',
      });
      await sut.query(`DELETE FROM audit_log WHERE seq = 7`);
      await sut.query(
        `UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 5) WHERE seq = 6`,
      );
    } finally {
      await sut.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    }
  });
});
