import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { readProblem } from './support/http.js';
import {
  callerToken,
  KNOWLEDGE_ENV,
  knowledgeClient,
  type KnowledgeClient,
} from './support/knowledge.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

const RETURNS = `# Returns policy

## Damaged items
Damaged items can be returned within 60 days of delivery for a full refund. Send a photo of the damage first.

## Gift cards
Gift cards cannot be returned or exchanged once they have been activated.
`;

describe('knowledge: sources, uploads, search', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  let customer: string;
  let sourceId: string;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, ...KNOWLEDGE_ENV } });
    kb = await knowledgeClient(sut);
    customer = await callerToken('ann', 'acme', ['customer']);
    sourceId = await kb.createSource({
      name: 'Help centre',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
  });
  afterAll(() => sut.close());

  it('ingests a Markdown document and finds it with a citation', async () => {
    const documentId = await kb.upload(sourceId, {
      title: 'Returns',
      text: RETURNS,
      format: 'markdown',
    });
    const { hits } = await kb.search('how long can I send back a broken item', customer);
    expect(hits[0].text).toContain('within 60 days');
    expect(hits[0].citation).toMatchObject({
      sourceId,
      documentId,
      version: 1,
      title: 'Returns',
      headingPath: ['Returns policy', 'Damaged items'],
    });
    expect(hits[0].score).toBeGreaterThan(0);
  });

  it('reports the job with its progress and stores nothing twice', async () => {
    const res = await kb.call('POST', `/v1/knowledge/sources/${sourceId}/documents`, {
      title: 'Shipping',
      text: 'Parcels ship within two working days from our warehouse in Leeds.',
    });
    expect(res.status).toBe(202);
    const { jobId, documentId } = (await res.json()) as { jobId: string; documentId: string };
    expect(jobId).toMatch(/^kjb_/);
    const job = await kb.settle(jobId);
    expect(job).toMatchObject({ status: 'ready', progress: { done: 1, total: 1 } });
    const detail = (await (
      await kb.call('GET', `/v1/knowledge/documents/${documentId}`)
    ).json()) as { currentVersion: number; versions: { status: string; chunks: number }[] };
    expect(detail.currentVersion).toBe(1);
    expect(detail.versions).toEqual([expect.objectContaining({ status: 'ready', chunks: 1 })]);
  });

  it('takes a multipart HTML file, keeping the article and dropping the page furniture', async () => {
    const html = `<!doctype html><html><head><title>Warranty</title><script>var tracking = "pixel";</script></head>
      <body><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
      <article><h1>Warranty</h1><p>Every kettle carries a three year warranty covering the heating element and the thermostat.</p>
      <p>Claims need the original receipt and the serial number printed under the base.</p></article>
      <footer>Cookie settings · Privacy</footer></body></html>`;
    const form = new FormData();
    form.append('file', new Blob([html], { type: 'text/plain' }), 'warranty.txt');
    const res = await fetch(`${sut.url}/v1/knowledge/sources/${sourceId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kb.editorKey}` },
      body: form,
    });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    expect((await kb.settle(jobId)).status).toBe('ready');
    const { hits } = await kb.search('kettle warranty heating element', customer);
    expect(hits[0].text).toContain('three year warranty');
    expect(hits[0].citation.title).toBe('Warranty');
    const all = await kb.search('tracking pixel cookie settings', customer, 50);
    expect(all.hits.map((h) => h.text).join(' ')).not.toMatch(/tracking|Cookie settings/);
  });

  it('publishes a new version atomically and drops the old text', async () => {
    const documentId = await kb.upload(sourceId, {
      title: 'Opening hours',
      text: 'The shop is open from nine until five on weekdays.',
    });
    const res = await kb.call('PUT', `/v1/knowledge/documents/${documentId}`, {
      text: 'The shop is open from eight until eight every day of the week.',
    });
    expect(res.status).toBe(202);
    const { jobId, version } = (await res.json()) as { jobId: string; version: number };
    expect(version).toBe(2);
    expect((await kb.settle(jobId)).status).toBe('ready');
    const { hits } = await kb.search('shop opening hours', customer, 10);
    const mine = hits.filter((h) => h.citation.documentId === documentId);
    expect(mine.map((h) => h.citation.version)).toEqual([2]);
    expect(mine[0].text).toContain('eight until eight');
    expect(
      await sut.query(`SELECT version FROM knowledge_chunks WHERE document_id = $1`, [documentId]),
    ).toEqual([{ version: 2 }]);
    const detail = (await (
      await kb.call('GET', `/v1/knowledge/documents/${documentId}`)
    ).json()) as { title: string; versions: { version: number; status: string }[] };
    expect(detail.title).toBe('Opening hours');
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'ready'],
    ]);
  });

  it('stops returning a retracted document at once, and refuses new versions of it', async () => {
    const documentId = await kb.upload(sourceId, {
      title: 'Recall',
      text: 'The blue toaster model T-100 is recalled; stop using it immediately.',
    });
    expect((await kb.search('blue toaster recall', customer)).hits[0].citation.documentId).toBe(
      documentId,
    );
    const res = await kb.call(
      'DELETE',
      `/v1/knowledge/documents/${documentId}?reason=${encodeURIComponent('resolved')}`,
    );
    expect(res.status).toBe(200);
    const { hits } = await kb.search('blue toaster recall', customer, 50);
    expect(hits.map((h) => h.citation.documentId)).not.toContain(documentId);
    const again = await kb.call('PUT', `/v1/knowledge/documents/${documentId}`, { text: 'new' });
    expect(again.status).toBe(409);
    expect((await readProblem(again)).code).toBe('DOCUMENT_RETRACTED');
    expect(
      (await readProblem(await kb.call('DELETE', `/v1/knowledge/documents/${documentId}`))).code,
    ).toBe('DOCUMENT_RETRACTED');
  });

  it('lets a staff JWT with knowledge_editor manage its own tenant only', async () => {
    const staff = await userToken({ sub: 'eve', tenant: 'acme', roles: ['knowledge_editor'] });
    const own = await kb.createSource({ name: 'Staff notes', allowedRoles: ['agent'] }, staff);
    const row = (
      await sut.query<{ tenant_id: string }>(
        `SELECT tenant_id FROM knowledge_sources WHERE id = $1`,
        [own],
      )
    )[0];
    expect(row.tenant_id).toBe('acme');
    const foreign = await kb.call(
      'POST',
      '/v1/knowledge/sources',
      { name: 'x', tenantId: 'globex', allowedRoles: ['agent'] },
      staff,
    );
    expect(foreign.status).toBe(403);
    expect((await readProblem(foreign)).code).toBe('SOURCE_TENANT_FORBIDDEN');
    const globex = await kb.createSource({
      name: 'Globex help',
      tenantId: 'globex',
      allowedRoles: ['customer'],
    });
    const peek = await kb.call('GET', `/v1/knowledge/sources/${globex}`, undefined, staff);
    expect(peek.status).toBe(404);
    const list = (await (
      await kb.call('GET', '/v1/knowledge/sources', undefined, staff)
    ).json()) as { items: { id: string }[] };
    expect(list.items.map((s) => s.id)).not.toContain(globex);
  });

  it('refuses non-editors before looking at the body', async () => {
    const { key: approver } = await sut.app
      .get(ApiKeysService)
      .create('approver', ['approver'], 'system');
    for (const token of [approver, customer]) {
      const res = await kb.call('POST', '/v1/knowledge/sources', { nonsense: true }, token);
      expect(res.status).toBe(403);
      expect((await readProblem(res)).code).toBe('FORBIDDEN');
    }
    expect((await kb.call('GET', '/v1/knowledge/stale', undefined, customer)).status).toBe(403);
    expect((await fetch(`${sut.url}/v1/knowledge/search?q=x`)).status).toBe(401);
  });

  it('validates sources and updates them in place', async () => {
    const bad = await kb.call('POST', '/v1/knowledge/sources', {
      name: 'No roles',
      allowedRoles: [],
    });
    expect(bad.status).toBe(400);
    expect((await readProblem(bad)).code).toBe('VALIDATION_FAILED');
    const dup = await kb.call('POST', '/v1/knowledge/sources', {
      name: 'help centre',
      tenantId: 'acme',
      allowedRoles: ['x'],
    });
    expect(dup.status).toBe(409);
    expect((await readProblem(dup)).code).toBe('SOURCE_NAME_TAKEN');
    const id = await kb.createSource({ name: 'Patchable', allowedRoles: ['a'], maxAgeDays: 30 });
    const patched = await kb.call('PATCH', `/v1/knowledge/sources/${id}`, {
      maxAgeDays: null,
      trustTier: 'authoritative',
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      maxAgeDays: null,
      trustTier: 'authoritative',
      allowedRoles: ['a'],
      name: 'Patchable',
    });
    for (const body of [
      { name: null },
      { allowedRoles: null },
      { tenantId: 'other' },
      { reviewOverdue: 'maybe' },
    ]) {
      const res = await kb.call('PATCH', `/v1/knowledge/sources/${id}`, body);
      expect([res.status, (await readProblem(res)).code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await kb.call('PATCH', '/v1/knowledge/sources/src_nope', { name: 'x' })).status).toBe(
      404,
    );
  });

  it('answers hostile or odd queries with 200 or a clear 400, never a 500', async () => {
    for (const q of [
      `'; DROP TABLE knowledge_chunks; --`,
      '🙂🙂🙂',
      'a & b | !c <-> (d',
      '"unterminated',
      '\\x00 OR 1=1',
    ]) {
      const res = await kb.call(
        'GET',
        `/v1/knowledge/search?q=${encodeURIComponent(q)}`,
        undefined,
        customer,
      );
      expect(res.status).toBe(200);
      expect(Array.isArray(((await res.json()) as { hits: unknown[] }).hits)).toBe(true);
    }
    const cases: [string, string][] = [
      ['q=', 'KNOWLEDGE_QUERY_INVALID'],
      ['q=%20%20%0A', 'KNOWLEDGE_QUERY_INVALID'],
      ['', 'VALIDATION_FAILED'],
      [`q=${'x'.repeat(10_240)}`, 'VALIDATION_FAILED'],
      ['q=x&k=0', 'VALIDATION_FAILED'],
      ['q=x&k=1000', 'VALIDATION_FAILED'],
      ['q=x&k=abc', 'VALIDATION_FAILED'],
      ['q=x&tenant=globex', 'VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) {
      const res = await kb.call('GET', `/v1/knowledge/search?${query}`, undefined, customer);
      expect([query.slice(0, 20), res.status, (await readProblem(res)).code]).toEqual([
        query.slice(0, 20),
        400,
        code,
      ]);
    }
    expect(await sut.query(`SELECT count(*)::int AS n FROM knowledge_sources`)).not.toEqual([
      { n: 0 },
    ]);
  });

  it('writes editors\u2019 changes and publications to the audit chain', async () => {
    const rows = await sut.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_log WHERE action LIKE 'knowledge.%'`,
    );
    expect(rows.map((r) => r.action).sort()).toEqual(
      expect.arrayContaining([
        'knowledge.document_retracted',
        'knowledge.document_uploaded',
        'knowledge.model_activated',
        'knowledge.source_created',
        'knowledge.source_updated',
        'knowledge.version_published',
        'knowledge.version_uploaded',
      ]),
    );
  });
});
