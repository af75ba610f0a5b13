/**
 * Adversarial tests of the knowledge feature: hostile input, time travel through SQL, other
 * tenants' ids, races. Each test asserts what the product promises (README "Knowledge",
 * docs/errors.md "Knowledge"), so a test that fails here points at a bug.
 */
import { readProblem } from './support/http.js';
import {
  callerToken,
  KNOWLEDGE_ENV,
  knowledgeClient,
  type KnowledgeClient,
} from './support/knowledge.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

const DAY = 86_400_000;
const PROBLEM = 'application/problem+json';

/** Words that occur in uploaded text only: the audit log must never contain them. */
const TEXT_MARKERS = [
  'zebra crossings',
  'marmalade',
  'quokka',
  'albatross',
  'hover board',
  'periwinkle',
  'kettle warranty',
];

/** Long enough that its ingestion takes a while (several chunks). */
const longText = (topic: string, n = 60) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Paragraph ${i} explains the ${topic} terms in some detail for customers who want to know more.`,
  ).join('\n\n');

describe('knowledge: adversarial', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  let customer: string;
  let agent: string;
  let staff: string;
  let acmeSource: string;
  let globexSource: string;
  let globexDoc: string;
  let globexJob: string;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, ...KNOWLEDGE_ENV } });
    kb = await knowledgeClient(sut);
    customer = await callerToken('ann', 'acme', ['customer']);
    agent = await callerToken('bob', 'acme', ['agent']);
    staff = await userToken({ sub: 'eve', tenant: 'acme', roles: ['knowledge_editor'] });
    globexSource = await kb.createSource({
      name: 'Globex help',
      tenantId: 'globex',
      allowedRoles: ['customer'],
    });
    const res = await kb.call('POST', `/v1/knowledge/sources/${globexSource}/documents`, {
      title: 'Globex reset guide',
      text: 'Globex customers reset their hover board by holding the red button for ten seconds.',
    });
    ({ documentId: globexDoc, jobId: globexJob } = (await res.json()) as {
      documentId: string;
      jobId: string;
    });
    await kb.settle(globexJob);
    acmeSource = await kb.createSource({
      name: 'Acme help',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
  }, 120_000);
  afterAll(() => sut.close());

  /** Waits until no job is open, then counts every row a refused request must not add. */
  async function stored() {
    for (let i = 0; i < 600; i++) {
      const [{ open }] = await sut.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM knowledge_jobs WHERE status NOT IN ('ready', 'failed')`,
      );
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return (
      await sut.query(
        `SELECT (SELECT count(*)::int FROM knowledge_sources) AS sources,
           (SELECT count(*)::int FROM knowledge_documents) AS docs,
           (SELECT count(*)::int FROM knowledge_documents WHERE retracted_at IS NOT NULL) AS retracted,
           (SELECT count(*)::int FROM knowledge_document_versions) AS versions,
           (SELECT count(*)::int FROM knowledge_document_versions WHERE reviewed_at IS NOT NULL) AS reviewed,
           (SELECT count(*)::int FROM knowledge_jobs) AS jobs,
           (SELECT count(*)::int FROM knowledge_chunks) AS chunks,
           (SELECT count(*)::int FROM audit_log) AS audit`,
      )
    )[0];
  }

  /** The versions of `documentId` a caller gets for `q` (k = 50). */
  async function visible(documentId: string, q: string, token = customer) {
    const { hits } = await kb.search(q, token, 50);
    return hits.filter((h) => h.citation.documentId === documentId);
  }

  function multipart(path: string, form: FormData | string, token = kb.editorKey, type?: string) {
    return fetch(`${sut.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
      body: form,
    });
  }

  /** `label: status code` when `res` is not a 4xx problem (with one of `codes`, if given). */
  async function unlessClient4xx(label: string, res: Response, codes?: string[]) {
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    const ok =
      res.status >= 400 &&
      res.status < 500 &&
      (res.headers.get('content-type') ?? '').includes(PROBLEM) &&
      (!codes || codes.includes(code ?? ''));
    return ok ? [] : [`${label}: ${res.status} ${code}`];
  }

  // ---------------------------------------------------------------- NUL and other unstorable text

  it('answers a search with a NUL character with a 400, not a 500', async () => {
    const wrong: string[] = [];
    for (const q of ['a%00b', '%00', 'kettle%00warranty']) {
      const res = await kb.call('GET', `/v1/knowledge/search?q=${q}`, undefined, customer);
      wrong.push(
        ...(await unlessClient4xx(`q=${q}`, res, ['VALIDATION_FAILED', 'KNOWLEDGE_QUERY_INVALID'])),
      );
    }
    expect(wrong).toEqual([]);
  });

  it('treats ids and cursors with a NUL character like any unknown id (4xx, never 500)', async () => {
    const before = await stored();
    const cases: [string, string, unknown?][] = [
      ['GET', '/v1/knowledge/sources/src%00x'],
      ['PATCH', '/v1/knowledge/sources/src%00x', { name: 'x' }],
      ['GET', '/v1/knowledge/sources/src%00x/documents'],
      ['POST', '/v1/knowledge/sources/src%00x/documents', { text: 'Some plain words.' }],
      ['GET', '/v1/knowledge/documents/doc%00x'],
      ['PUT', '/v1/knowledge/documents/doc%00x', { text: 'Some plain words.' }],
      ['DELETE', '/v1/knowledge/documents/doc%00x'],
      ['POST', '/v1/knowledge/documents/doc%00x/review', {}],
      ['GET', '/v1/knowledge/jobs/kjb%00x'],
      ['GET', '/v1/knowledge/sources?cursor=%00'],
      ['GET', `/v1/knowledge/sources/${acmeSource}/documents?cursor=doc%00`],
    ];
    const wrong: string[] = [];
    for (const [method, path, body] of cases)
      wrong.push(
        ...(await unlessClient4xx(`${method} ${path}`, await kb.call(method, path, body))),
      );
    expect(wrong).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('refuses NUL characters in names, titles, tenants and reasons with a 400, storing nothing', async () => {
    const doc = await kb.upload(acmeSource, {
      title: 'Nul target',
      text: 'Periwinkle paint dries in an hour.',
    });
    const before = await stored();
    const json: [string, string, unknown][] = [
      ['POST', '/v1/knowledge/sources', { name: 'Bad\u0000name', allowedRoles: ['customer'] }],
      [
        'POST',
        '/v1/knowledge/sources',
        { name: 'Bad tenant', tenantId: 'acme\u0000', allowedRoles: ['customer'] },
      ],
      ['PATCH', `/v1/knowledge/sources/${acmeSource}`, { name: 'Acme\u0000help' }],
      [
        'POST',
        `/v1/knowledge/sources/${acmeSource}/documents`,
        { title: 'T\u0000', text: 'Some plain words here.' },
      ],
      [
        'PUT',
        `/v1/knowledge/documents/${doc}`,
        { title: 'T\u0000', text: 'Some other plain words.' },
      ],
    ];
    const wrong: string[] = [];
    for (const [method, path, body] of json)
      wrong.push(
        ...(await unlessClient4xx(
          `${method} ${path.replace(/[a-z]+_\w+/g, '…')} ${JSON.stringify(body)}`,
          await kb.call(method, path, body),
          ['VALIDATION_FAILED'],
        )),
      );
    wrong.push(
      ...(await unlessClient4xx(
        'DELETE reason NUL',
        await kb.call('DELETE', `/v1/knowledge/documents/${doc}?reason=a%00b`),
        ['VALIDATION_FAILED'],
      )),
    );
    const titled = new FormData();
    titled.append('file', new Blob(['Some words about toasters and bread.']), 'toast.txt');
    titled.append('title', 'Toast\u0000er');
    wrong.push(
      ...(await unlessClient4xx(
        'multipart title NUL',
        await multipart(`/v1/knowledge/sources/${acmeSource}/documents`, titled),
        ['VALIDATION_FAILED', 'UPLOAD_INVALID'],
      )),
    );
    // RFC 5987 lets a client send any byte in the file name, the default title.
    const raw =
      `--b\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''toast%00er.txt\r\n` +
      `Content-Type: text/plain\r\n\r\nSome words about toasters and bread.\r\n--b--\r\n`;
    expect(wrong).toEqual([]);
    expect(await stored()).toEqual(before);
    // The file name is only a default title: its control bytes are dropped, the upload is kept.
    const named = await multipart(
      `/v1/knowledge/sources/${acmeSource}/documents`,
      raw,
      kb.editorKey,
      'multipart/form-data; boundary=b',
    );
    expect(named.status).toBe(202);
    const { documentId } = (await named.json()) as { documentId: string };
    expect(
      await sut.query(`SELECT title FROM knowledge_documents WHERE id = $1`, [documentId]),
    ).toEqual([{ title: 'toaster' }]);
  });

  it('never writes the text of a refused upload to the server log', async () => {
    for (const extra of [{ title: 'Leak\u0000' }, { validFrom: '-100000-01-01T00:00:00Z' }]) {
      const res = await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, {
        ...extra,
        text: 'The albatross password for the staff wifi is hunter2.',
      });
      expect(res.status).not.toBe(202);
    }
    const leaks = sut.logs.containing('albatross password');
    expect(
      leaks.map((l) => `${l.msg as string}: ${Object.keys((l.err as object) ?? {}).join(',')}`),
    ).toEqual([]);
  });

  // ---------------------------------------------------------------- validation gaps

  it('refuses a source name that is only whitespace (create and update)', async () => {
    const throwaway = await kb.createSource({ name: 'Blank me', allowedRoles: ['customer'] });
    const before = await stored();
    const wrong: string[] = [];
    for (const name of ['   ', '\t\n', '\u00a0\u2003', ''])
      wrong.push(
        ...(await unlessClient4xx(
          `POST name ${JSON.stringify(name)}`,
          await kb.call('POST', '/v1/knowledge/sources', { name, allowedRoles: ['customer'] }),
          ['VALIDATION_FAILED'],
        )),
      );
    wrong.push(
      ...(await unlessClient4xx(
        'PATCH name "  "',
        await kb.call('PATCH', `/v1/knowledge/sources/${throwaway}`, { name: '  ' }),
        ['VALIDATION_FAILED'],
      )),
    );
    expect(wrong).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a document title that is only whitespace', async () => {
    const before = await stored();
    const wrong: string[] = [];
    for (const title of ['   ', '\n\t'])
      wrong.push(
        ...(await unlessClient4xx(
          `title ${JSON.stringify(title)}`,
          await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, {
            title,
            text: 'A document whose citation would carry an empty title.',
          }),
          ['VALIDATION_FAILED'],
        )),
      );
    expect(wrong).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('takes dates only as ISO 8601 date-times, not booleans, numbers or loose words', async () => {
    const doc = await kb.upload(acmeSource, { text: 'Periwinkle dates need care.' });
    const before = await stored();
    const wrong: string[] = [];
    for (const value of [true, false, 12345, '1', '12', 'May 5', 'Tuesday 2026'])
      wrong.push(
        ...(await unlessClient4xx(
          `validUntil ${JSON.stringify(value)}`,
          await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, {
            text: 'Dates are tricky things to get right.',
            validUntil: value,
          }),
          ['VALIDATION_FAILED'],
        )),
      );
    const form = new FormData();
    form.append('file', new Blob(['Dates are tricky things to get right.']), 'dates.txt');
    form.append('validFrom', '7');
    wrong.push(
      ...(await unlessClient4xx(
        'multipart validFrom "7"',
        await multipart(`/v1/knowledge/sources/${acmeSource}/documents`, form),
        ['VALIDATION_FAILED'],
      )),
    );
    wrong.push(
      ...(await unlessClient4xx(
        'review nextReviewBy true',
        await kb.call('POST', `/v1/knowledge/documents/${doc}/review`, { nextReviewBy: true }),
        ['VALIDATION_FAILED'],
      )),
    );
    expect(wrong).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('refuses dates outside what can be stored with a 400, not a 500', async () => {
    const doc = await kb.upload(acmeSource, { text: 'Quokka enclosures open at noon.' });
    const before = await stored();
    const wrong: string[] = [];
    for (const date of ['-100000-01-01T00:00:00Z', '-004714-01-01T00:00:00Z']) {
      const up = await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, {
        text: 'Dates are tricky things to get right.',
        validFrom: date,
      });
      wrong.push(...(await unlessClient4xx(`upload validFrom ${date}`, up, ['VALIDATION_FAILED'])));
      const rev = await kb.call('POST', `/v1/knowledge/documents/${doc}/review`, {
        nextReviewBy: date,
      });
      wrong.push(
        ...(await unlessClient4xx(`review nextReviewBy ${date}`, rev, ['VALIDATION_FAILED'])),
      );
    }
    expect(wrong).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('does not store an empty-string tenant (it would be neither a tenant nor "no tenant")', async () => {
    const res = await kb.call('POST', '/v1/knowledge/sources', {
      name: 'Empty tenant',
      tenantId: '',
      allowedRoles: ['customer'],
    });
    if (res.status === 400) {
      expect((await readProblem(res)).code).toBe('VALIDATION_FAILED');
      return;
    }
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const [row] = await sut.query<{ tenant_id: string | null }>(
      `SELECT tenant_id FROM knowledge_sources WHERE id = $1`,
      [id],
    );
    expect(row.tenant_id).toBeNull();
  });

  // ---------------------------------------------------------------- other tenants' ids

  it("gives a staff editor 404 for every route on globex's source, document and job, and changes nothing", async () => {
    const before = await stored();
    const [globexBefore] = await sut.query(
      `SELECT d.title, d.latest_version, d.retracted_at, v.reviewed_at, s.name, s.allowed_roles
       FROM knowledge_documents d JOIN knowledge_document_versions v ON v.document_id = d.id
       JOIN knowledge_sources s ON s.id = d.source_id WHERE d.id = $1`,
      [globexDoc],
    );
    const routes: [string, (id: { src: string; doc: string; job: string }) => string, unknown?][] =
      [
        ['GET', (i) => `/v1/knowledge/sources/${i.src}`],
        [
          'PATCH',
          (i) => `/v1/knowledge/sources/${i.src}`,
          { name: 'Pwned', allowedRoles: ['anyone'] },
        ],
        ['GET', (i) => `/v1/knowledge/sources/${i.src}/documents`],
        [
          'POST',
          (i) => `/v1/knowledge/sources/${i.src}/documents`,
          { text: 'Injected text for globex.' },
        ],
        ['GET', (i) => `/v1/knowledge/documents/${i.doc}`],
        ['PUT', (i) => `/v1/knowledge/documents/${i.doc}`, { text: 'Replaced text for globex.' }],
        ['DELETE', (i) => `/v1/knowledge/documents/${i.doc}?reason=mine`],
        ['POST', (i) => `/v1/knowledge/documents/${i.doc}/review`, {}],
        ['GET', (i) => `/v1/knowledge/jobs/${i.job}`],
      ];
    const foreign = { src: globexSource, doc: globexDoc, job: globexJob };
    const missing = {
      src: 'src_0000000000000000000000',
      doc: 'doc_0000000000000000000000',
      job: 'kjb_0000000000000000000000',
    };
    for (const [method, path, body] of routes) {
      const a = await kb.call(method, path(foreign), body, staff);
      const b = await kb.call(method, path(missing), body, staff);
      const [pa, pb] = [await readProblem(a), await readProblem(b)];
      expect([method, path(foreign), a.status, pa.code, pa.title]).toEqual([
        method,
        path(foreign),
        404,
        pb.code,
        pb.title,
      ]);
      expect(b.status).toBe(404);
    }
    expect(await stored()).toEqual(before);
    const [globexAfter] = await sut.query(
      `SELECT d.title, d.latest_version, d.retracted_at, v.reviewed_at, s.name, s.allowed_roles
       FROM knowledge_documents d JOIN knowledge_document_versions v ON v.document_id = d.id
       JOIN knowledge_sources s ON s.id = d.source_id WHERE d.id = $1`,
      [globexDoc],
    );
    expect(globexAfter).toEqual(globexBefore);
    const mine = (await (
      await kb.call('GET', '/v1/knowledge/sources?limit=200', undefined, staff)
    ).json()) as {
      items: { tenantId: string }[];
    };
    expect(new Set(mine.items.map((s) => s.tenantId))).toEqual(new Set(['acme']));
  });

  it('answers a foreign id used as a cursor exactly like an unknown one (sources and documents)', async () => {
    // Acme's documents are newer than globex's, so a cursor that resolves globex's row shows them.
    await kb.upload(acmeSource, { text: 'Marmalade is made from Seville oranges.' });
    const pairs: [string, string][] = [
      [
        `/v1/knowledge/sources?cursor=${globexSource}`,
        '/v1/knowledge/sources?cursor=src_0000000000000000000000',
      ],
      [
        `/v1/knowledge/sources/${acmeSource}/documents?cursor=${globexDoc}`,
        `/v1/knowledge/sources/${acmeSource}/documents?cursor=doc_0000000000000000000000`,
      ],
    ];
    for (const [foreign, unknown] of pairs) {
      const a = await kb.call('GET', foreign, undefined, staff);
      const b = await kb.call('GET', unknown, undefined, staff);
      expect([foreign, a.status, await a.json()]).toEqual([foreign, b.status, await b.json()]);
    }
  });

  it("lists only the staff editor's own tenant as stale, and every tenant for an operator", async () => {
    const past = new Date(Date.now() - DAY).toISOString();
    const g = await kb.upload(globexSource, {
      title: 'Globex overdue',
      text: 'Globex overdue text about hover board batteries.',
      reviewBy: past,
    });
    const a = await kb.upload(acmeSource, {
      title: 'Acme overdue',
      text: 'Acme overdue text about marmalade jars.',
      reviewBy: past,
    });
    type Stale = {
      items: {
        documentId: string;
        sourceId: string;
        reasons: string[];
        servedToCallers: boolean;
      }[];
    };
    const own = (await (
      await kb.call('GET', '/v1/knowledge/stale?withinDays=0', undefined, staff)
    ).json()) as Stale;
    expect(own.items.map((i) => i.documentId)).toContain(a);
    expect(await visible(a, 'acme overdue marmalade jars')).toHaveLength(0);
    expect(own.items.map((i) => i.documentId)).not.toContain(g);
    const tenants = await sut.query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM knowledge_sources WHERE id = ANY($1::text[])`,
      [own.items.map((i) => i.sourceId)],
    );
    expect(tenants).toEqual([{ tenant_id: 'acme' }]);
    const all = (await (await kb.call('GET', '/v1/knowledge/stale?withinDays=0')).json()) as Stale;
    expect(all.items.find((i) => i.documentId === g)).toMatchObject({
      reasons: ['review_overdue'],
      servedToCallers: false,
    });
    for (const bad of [
      'withinDays=-1',
      'withinDays=1.5',
      'withinDays=366',
      'withinDays=1&withinDays=2',
      'tenant=globex',
    ])
      expect([
        bad,
        (await kb.call('GET', `/v1/knowledge/stale?${bad}`, undefined, staff)).status,
      ]).toEqual([bad, 400]);
  });

  it('does not read a malformed tenant claim as "no tenant" (which would open untenanted knowledge)', async () => {
    const open = await kb.createSource({ name: 'Everyone', allowedRoles: ['customer'] });
    const doc = await kb.upload(open, {
      text: 'Untenanted notice: the quokka exhibit closes at six.',
    });
    // A real tenantless caller reads it (the control).
    expect(
      (await visible(doc, 'quokka exhibit', await callerToken('dee', undefined, ['customer'])))
        .length,
    ).toBe(1);
    const leaked: string[] = [];
    for (const tenant of [42, ['acme'], { id: 'acme' }, true]) {
      const token = await userToken({ sub: 'mal', tenant: tenant as never, roles: ['customer'] });
      const res = await kb.call(
        'GET',
        `/v1/knowledge/search?q=quokka%20exhibit&k=50`,
        undefined,
        token,
      );
      if (res.status === 401) continue;
      expect(res.status).toBe(200);
      const { hits } = (await res.json()) as { hits: { citation: { documentId: string } }[] };
      if (hits.some((h) => h.citation.documentId === doc))
        leaked.push(`tenant ${JSON.stringify(tenant)}`);
    }
    expect(leaked).toEqual([]);
  });

  // ---------------------------------------------------------------- freshness through the real API

  it('withholds aged-out text and follows PATCHed maxAgeDays at once; a review does not make it young', async () => {
    const src = await kb.createSource({
      name: 'Ageing',
      tenantId: 'acme',
      allowedRoles: ['customer'],
      maxAgeDays: 30,
    });
    const doc = await kb.upload(src, {
      text: 'Zebra crossings are repainted every spring by the council.',
    });
    const q = 'zebra crossings repainted';
    expect(await visible(doc, q)).toHaveLength(1);
    await sut.query(
      `UPDATE knowledge_document_versions SET created_at = now() - interval '30 days' + interval '1 minute' WHERE document_id = $1`,
      [doc],
    );
    expect(await visible(doc, q)).toHaveLength(1);
    await sut.query(
      `UPDATE knowledge_document_versions SET created_at = now() - interval '30 days' - interval '1 second' WHERE document_id = $1`,
      [doc],
    );
    expect(await visible(doc, q)).toHaveLength(0);
    const patch = async (body: Record<string, unknown>) =>
      expect((await kb.call('PATCH', `/v1/knowledge/sources/${src}`, body)).status).toBe(200);
    await patch({ maxAgeDays: 60 });
    expect(await visible(doc, q)).toHaveLength(1);
    await patch({ maxAgeDays: 30 });
    expect(await visible(doc, q)).toHaveLength(0);
    expect((await kb.call('POST', `/v1/knowledge/documents/${doc}/review`, {})).status).toBe(200);
    expect(await visible(doc, q)).toHaveLength(0);
    const stale = (await (await kb.call('GET', '/v1/knowledge/stale?withinDays=0')).json()) as {
      items: { documentId: string; reasons: string[]; servedToCallers: boolean }[];
    };
    expect(stale.items.find((i) => i.documentId === doc)).toMatchObject({
      reasons: ['aged_out'],
      servedToCallers: false,
    });
    await patch({ maxAgeDays: null });
    expect(await visible(doc, q)).toHaveLength(1);
  });

  it('withholds text that is not yet valid or no longer valid, judged at the moment of the query', async () => {
    const doc = await kb.upload(acmeSource, {
      text: 'The winter timetable for the periwinkle ferry starts in November.',
      validFrom: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const q = 'periwinkle ferry winter timetable';
    expect(await visible(doc, q)).toHaveLength(0);
    await sut.query(
      `UPDATE knowledge_document_versions SET valid_from = now() - interval '1 second' WHERE document_id = $1`,
      [doc],
    );
    expect(await visible(doc, q)).toHaveLength(1);
    await sut.query(
      `UPDATE knowledge_document_versions SET valid_until = now() WHERE document_id = $1`,
      [doc],
    );
    expect(await visible(doc, q)).toHaveLength(0);
    await sut.query(
      `UPDATE knowledge_document_versions SET valid_until = now() + interval '1 hour' WHERE document_id = $1`,
      [doc],
    );
    expect(await visible(doc, q)).toHaveLength(1);
  });

  it('applies reviewEveryDays and a PATCHed reviewOverdue policy at once, and a review brings text back', async () => {
    const src = await kb.createSource({
      name: 'Reviewed',
      tenantId: 'acme',
      allowedRoles: ['customer'],
      reviewEveryDays: 7,
    });
    const doc = await kb.upload(src, {
      text: 'Marmalade jars must be returned with their lids on.',
    });
    const q = 'marmalade jars lids returned';
    expect(await visible(doc, q)).toHaveLength(1);
    await sut.query(
      `UPDATE knowledge_document_versions SET created_at = now() - interval '8 days' WHERE document_id = $1`,
      [doc],
    );
    expect(await visible(doc, q)).toHaveLength(0);
    expect(
      (await kb.call('PATCH', `/v1/knowledge/sources/${src}`, { reviewOverdue: 'allow' })).status,
    ).toBe(200);
    const allowed = await visible(doc, q);
    expect(allowed.map((h) => h.citation.reviewOverdue)).toEqual([true]);
    expect(
      (await kb.call('PATCH', `/v1/knowledge/sources/${src}`, { reviewOverdue: 'exclude' })).status,
    ).toBe(200);
    expect(await visible(doc, q)).toHaveLength(0);
    const reviewed = await kb.call('POST', `/v1/knowledge/documents/${doc}/review`);
    expect(reviewed.status).toBe(200);
    expect((await visible(doc, q)).map((h) => h.citation.reviewOverdue)).toEqual([false]);
    // An explicit due date in the past withholds it again.
    await kb.call('POST', `/v1/knowledge/documents/${doc}/review`, {
      nextReviewBy: new Date(Date.now() - 1000).toISOString(),
    });
    expect(await visible(doc, q)).toHaveLength(0);
  });

  it('applies a PATCH of allowedRoles to the very next search', async () => {
    const src = await kb.createSource({
      name: 'Roles move',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const doc = await kb.upload(src, {
      text: 'Albatross feeding happens at dawn on the east pier.',
    });
    const q = 'albatross feeding east pier';
    expect(await visible(doc, q, customer)).toHaveLength(1);
    expect(await visible(doc, q, agent)).toHaveLength(0);
    expect(
      (await kb.call('PATCH', `/v1/knowledge/sources/${src}`, { allowedRoles: ['agent'] })).status,
    ).toBe(200);
    expect(await visible(doc, q, customer)).toHaveLength(0);
    expect(await visible(doc, q, agent)).toHaveLength(1);
    // A staff editor of the tenant reads only through a role the source allows.
    expect(await visible(doc, q, staff)).toHaveLength(0);
    // A caller JWT with no roles claim reads nothing.
    expect(await visible(doc, q, await userToken({ sub: 'nobody', tenant: 'acme' }))).toHaveLength(
      0,
    );
  });

  it('refuses reviews of retracted and of not-yet-published documents', async () => {
    const doc = await kb.upload(acmeSource, { text: 'A short note that will be retracted soon.' });
    expect((await kb.call('DELETE', `/v1/knowledge/documents/${doc}?reason=wrong`)).status).toBe(
      200,
    );
    const r1 = await kb.call('POST', `/v1/knowledge/documents/${doc}/review`, {});
    expect([r1.status, (await readProblem(r1)).code]).toEqual([409, 'DOCUMENT_RETRACTED']);
    const up = await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, {
      text: longText('pending', 120),
    });
    const { documentId, jobId } = (await up.json()) as { documentId: string; jobId: string };
    const r2 = await kb.call('POST', `/v1/knowledge/documents/${documentId}/review`, {});
    expect([r2.status, (await readProblem(r2)).code]).toEqual([409, 'DOCUMENT_NOT_READY']);
    await kb.settle(jobId);
    const [v] = await sut.query<{ reviewed_at: Date | null }>(
      `SELECT reviewed_at FROM knowledge_document_versions WHERE document_id = $1`,
      [documentId],
    );
    expect(v.reviewed_at).toBeNull();
  });

  // ---------------------------------------------------------------- odd ids, bodies, forms

  it('answers odd ids (../, very long, unicode, encoded slashes) with 404 and its code', async () => {
    for (const id of [
      '..%2F..%2Fsources',
      '..',
      'x'.repeat(4000),
      encodeURIComponent('ドキュメント🙂'),
      '%2e%2e%2f',
      encodeURIComponent("' OR 1=1 --"),
    ]) {
      for (const [method, path, body, code] of [
        ['GET', `/v1/knowledge/documents/${id}`, undefined, 'DOCUMENT_NOT_FOUND'],
        [
          'PUT',
          `/v1/knowledge/documents/${id}`,
          { text: 'Plain words here.' },
          'DOCUMENT_NOT_FOUND',
        ],
        ['DELETE', `/v1/knowledge/documents/${id}`, undefined, 'DOCUMENT_NOT_FOUND'],
        ['POST', `/v1/knowledge/documents/${id}/review`, {}, 'DOCUMENT_NOT_FOUND'],
        ['GET', `/v1/knowledge/jobs/${id}`, undefined, 'JOB_NOT_FOUND'],
        ['PATCH', `/v1/knowledge/sources/${id}`, { name: 'x' }, 'SOURCE_NOT_FOUND'],
      ] as const) {
        const res = await kb.call(method, path, body);
        const problem = (await res.text()) || '{}';
        const label = `${method} ${path.slice(0, 60)}`;
        if (id === '..' && res.status === 404 && JSON.parse(problem).code === 'ROUTE_NOT_FOUND')
          continue;
        expect([label, res.status, JSON.parse(problem).code]).toEqual([label, 404, code]);
      }
    }
  });

  it('bounds JSON bodies by size and depth, and tells non-editors nothing but 401/403', async () => {
    const before = await stored();
    const huge = JSON.stringify({ text: 'marmalade '.repeat(120_000) }); // 1.2 MB
    const deep = '{"title":' + '['.repeat(200) + ']'.repeat(200) + ',"text":"x"}';
    const send = (body: string, token?: string) =>
      fetch(`${sut.url}/v1/knowledge/sources/${acmeSource}/documents`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
      });
    const big = await send(huge, kb.editorKey);
    expect([big.status, (await readProblem(big)).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const nested = await send(deep, kb.editorKey);
    expect([nested.status, (await readProblem(nested)).code]).toEqual([400, 'BODY_TOO_DEEP']);
    for (const body of [huge, deep, '{not json']) {
      expect((await send(body, customer)).status).toBe(403);
      expect((await send(body)).status).toBe(401);
    }
    const form = new FormData();
    form.append('file', new Blob(['Words a customer must not upload.']), 'x.txt');
    expect(
      (await multipart(`/v1/knowledge/sources/${acmeSource}/documents`, form, customer)).status,
    ).toBe(403);
    expect(
      (await kb.call('PUT', `/v1/knowledge/documents/${globexDoc}`, { nonsense: 1 }, agent)).status,
    ).toBe(403);
    expect(
      (
        await kb.call(
          'POST',
          `/v1/knowledge/documents/${globexDoc}/review`,
          { nextReviewBy: 'x' },
          customer,
        )
      ).status,
    ).toBe(403);
    expect(
      (await kb.call('DELETE', `/v1/knowledge/documents/${globexDoc}?bogus=1`, undefined, customer))
        .status,
    ).toBe(403);
    expect(
      (await kb.call('PATCH', `/v1/knowledge/sources/${globexSource}`, { name: null }, customer))
        .status,
    ).toBe(403);
    expect(
      (await kb.call('GET', `/v1/knowledge/jobs/${globexJob}`, undefined, customer)).status,
    ).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('handles odd multipart forms and content types with a 4xx or a clean upload, never a 500', async () => {
    const path = `/v1/knowledge/sources/${acmeSource}/documents`;
    const before = await stored();
    const wrong: string[] = [];
    for (const type of [
      'application/octet-stream',
      'text/plain',
      'multipart/mixed; boundary=x',
      'application/xml',
      'multipart/form-data',
      'multipart/form-data; boundary=""',
    ])
      wrong.push(
        ...(await unlessClient4xx(
          type,
          await multipart(path, '--x\r\n\r\nabc\r\n--x--', kb.editorKey, type),
          ['DOCUMENT_MISSING', 'UPLOAD_INVALID', 'UNSUPPORTED_MEDIA_TYPE'],
        )),
      );
    expect(wrong).toEqual([]);
    const cases: [string, (f: FormData) => void, string][] = [
      ['validFrom=garbage', (f) => f.append('validFrom', 'garbage'), 'VALIDATION_FAILED'],
      [
        'duplicate title',
        (f) => (f.append('title', 'a'), f.append('title', 'b')),
        'VALIDATION_FAILED',
      ],
      ['title as object', (f) => f.append('title[x]', 'a'), 'VALIDATION_FAILED'],
      ['format with a file', (f) => f.append('format', 'markdown'), 'UPLOAD_INVALID'],
      ['text with a file', (f) => f.append('text', 'both'), 'UPLOAD_INVALID'],
      ['unknown field', (f) => f.append('tenantId', 'globex'), 'VALIDATION_FAILED'],
      [
        'too many fields',
        (f) => Array.from({ length: 12 }, (_, i) => f.append(`x${i}`, 'y')),
        'UPLOAD_INVALID',
      ],
    ];
    for (const [label, add, code] of cases) {
      const form = new FormData();
      form.append('file', new Blob(['Some words about toasters and bread.']), 'toast.txt');
      add(form);
      const res = await multipart(path, form);
      expect([label, res.status, (await readProblem(res)).code]).toEqual([label, 400, code]);
    }
    expect(await stored()).toEqual(before);
    // Prototype keys in field names pollute nothing.
    const proto = new FormData();
    proto.append('file', new Blob(['Some words about toasters and bread.']), 'toast.txt');
    proto.append('__proto__[polluted]', 'yes');
    proto.append('constructor[prototype][polluted]', 'yes');
    const p = await multipart(path, proto);
    expect(p.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A path-traversing, control-character file name is only a title, never a path.
    const traversal = new FormData();
    traversal.append(
      'file',
      new Blob(['Words about the quokka feeding schedule.']),
      '../../etc/pass\u0007wd.txt',
    );
    const t = await multipart(path, traversal);
    expect(t.status === 202 || (t.status >= 400 && t.status < 500)).toBe(true);
    if (t.status === 202)
      expect((await kb.settle(((await t.json()) as { jobId: string }).jobId)).status).toBe('ready');
  });

  it('refuses a JSON HTML text of only scripts, and other empty texts, storing nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, number, string][] = [
      [
        { text: '<script>alert(1)</script><script>fetch("/x")</script>', format: 'html' },
        422,
        'HTML_NO_TEXT',
      ],
      [
        {
          text: '<html><head><style>p{}</style></head><body><nav><a href="/">x</a></nav></body></html>',
          format: 'html',
        },
        422,
        'HTML_NO_TEXT',
      ],
      [{ text: '<!-- nothing -->', format: 'markdown' }, 422, 'DOCUMENT_EMPTY'],
      [{ text: 'x', format: 'HTML' }, 400, 'VALIDATION_FAILED'],
      [{ text: ['a'] }, 400, 'VALIDATION_FAILED'],
      [{ text: { toString: 'x' } }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, body);
      expect([
        JSON.stringify(body).slice(0, 40),
        res.status,
        (await readProblem(res)).code,
      ]).toEqual([JSON.stringify(body).slice(0, 40), status, code]);
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a text of only invisible characters as DOCUMENT_EMPTY, like one of only whitespace', async () => {
    const before = await stored();
    const wrong: string[] = [];
    for (const text of ['\u200b\n\t ', '\u200b\u200c\u200d\u2060', '\u00ad\ufeff\u200b'])
      wrong.push(
        ...(await unlessClient4xx(
          `text ${JSON.stringify(text)}`,
          await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, { text }),
          ['DOCUMENT_EMPTY'],
        )),
      );
    expect(wrong).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  // ---------------------------------------------------------------- search parameters

  it('accepts a question as long as the documented 1,000 characters in any script', async () => {
    const wrong: string[] = [];
    for (const [script, text] of [
      ['latin', 'kettle '.repeat(142)],
      ['cjk', '水壶保修'.repeat(250)],
      ['arabic', 'ﷺ'.repeat(1000)],
    ]) {
      const res = await kb.call(
        'GET',
        `/v1/knowledge/search?q=${encodeURIComponent(text)}&k=3`,
        undefined,
        customer,
      );
      if (res.status !== 200)
        wrong.push(
          `${script} (${text.length} chars): ${res.status} ${res.headers.get('content-type')}`,
        );
      else await res.arrayBuffer();
    }
    expect(wrong).toEqual([]);
  });

  it('refuses malformed k and q, bounds hits by k and orders them stably', async () => {
    for (const query of [
      'q=x&k=1.5',
      'q=x&k=-1',
      'q=x&k=1&k=2',
      'q=x&k=',
      'q=x&k=5abc',
      'q=x&k=Infinity',
      'q=x&q=y',
      'q[a]=x',
      'q=x&k[]=1',
    ])
      expect([
        query,
        (await kb.call('GET', `/v1/knowledge/search?${query}`, undefined, customer)).status,
      ]).toEqual([query, 400]);
    for (const text of [
      'the of and',
      '!!! ??? ...',
      '\u200b',
      'a'.repeat(1000),
      '👨‍👩‍👧'.repeat(125),
      'e' + '\u0301'.repeat(999),
      'ﷺ'.repeat(500),
    ]) {
      const res = await kb.call(
        'GET',
        `/v1/knowledge/search?q=${encodeURIComponent(text)}&k=3`,
        undefined,
        customer,
      );
      expect([text.slice(0, 12), res.status === 200 || res.status === 400]).toEqual([
        text.slice(0, 12),
        true,
      ]);
      if (res.status === 400) expect((await readProblem(res)).code).toBe('VALIDATION_FAILED');
      else expect(((await res.json()) as { hits: unknown[] }).hits.length).toBeLessThanOrEqual(3);
    }
    const first = await kb.search('paragraph terms customers marmalade', kb.editorKey, 50);
    expect(first.hits.length).toBeLessThanOrEqual(50);
    const scores = first.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (let i = 0; i < 3; i++)
      expect(await kb.search('paragraph terms customers marmalade', kb.editorKey, 50)).toEqual(
        first,
      );
    expect((await kb.search('paragraph terms customers marmalade', kb.editorKey, 1)).hits).toEqual(
      first.hits.slice(0, 1),
    );
  });

  // ---------------------------------------------------------------- concurrency

  it('takes exactly one of two simultaneous PUTs; the other is DOCUMENT_BUSY, and searches see one version', async () => {
    const doc = await kb.upload(acmeSource, {
      text: 'Kettle warranty lasts one year from purchase.',
    });
    const [a, b] = await Promise.all([
      kb.call('PUT', `/v1/knowledge/documents/${doc}`, { text: longText('kettle warranty') }),
      kb.call('PUT', `/v1/knowledge/documents/${doc}`, {
        text: longText('kettle warranty') + ' Second.',
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const busy = a.status === 409 ? a : b;
    const ok = a.status === 202 ? a : b;
    const { jobId } = (await ok.json()) as { jobId: string };
    expect(await readProblem(busy)).toMatchObject({ code: 'DOCUMENT_BUSY', jobId });
    const versions = await sut.query<{ version: number }>(
      `SELECT version FROM knowledge_document_versions WHERE document_id = $1 ORDER BY version`,
      [doc],
    );
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
    // Searches racing with the ingestion see the old text or the new, never both or neither.
    const seen: number[][] = [];
    for (let i = 0; i < 200; i++) {
      const hits = await visible(doc, 'kettle warranty');
      seen.push([...new Set(hits.map((h) => h.citation.version))]);
      const [job] = await sut.query<{ status: string }>(
        `SELECT status FROM knowledge_jobs WHERE id = $1`,
        [jobId],
      );
      if (job.status === 'ready' || job.status === 'failed') break;
    }
    expect((await kb.settle(jobId)).status).toBe('ready');
    seen.push([...new Set((await visible(doc, 'kettle warranty')).map((h) => h.citation.version))]);
    expect(seen.filter((s) => s.length !== 1)).toEqual([]);
    expect(seen.at(-1)).toEqual([2]);
  });

  it('creates one of two same-named sources sent at once (names differ in case and whitespace)', async () => {
    const results = await Promise.all(
      ['Warranty Desk', ' warranty desk', 'WARRANTY DESK\t', 'Warranty desk\n'].map((name) =>
        kb.call('POST', '/v1/knowledge/sources', {
          name,
          tenantId: 'acme',
          allowedRoles: ['customer'],
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect((await readProblem(r)).code).toBe('SOURCE_NAME_TAKEN');
    const rows = await sut.query(
      `SELECT name FROM knowledge_sources WHERE lower(name) = 'warranty desk'`,
    );
    expect(rows).toHaveLength(1);
    // Non-ASCII letters compare case-insensitively too.
    expect(
      (
        await kb.call('POST', '/v1/knowledge/sources', {
          name: 'Äpfel',
          tenantId: 'acme',
          allowedRoles: ['a'],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await kb.call('POST', '/v1/knowledge/sources', {
          name: 'äpfel',
          tenantId: 'acme',
          allowedRoles: ['a'],
        })
      ).status,
    ).toBe(409);
    // The same name in another tenant is another source.
    expect(
      (
        await kb.call('POST', '/v1/knowledge/sources', {
          name: 'warranty desk',
          tenantId: 'globex',
          allowedRoles: ['a'],
        })
      ).status,
    ).toBe(201);
    // Renaming onto a taken name is a 409 and changes nothing.
    const other = await kb.createSource({
      name: 'Other desk',
      tenantId: 'acme',
      allowedRoles: ['a'],
    });
    const clash = await kb.call('PATCH', `/v1/knowledge/sources/${other}`, {
      name: 'warranty DESK',
    });
    expect([clash.status, (await readProblem(clash)).code]).toEqual([409, 'SOURCE_NAME_TAKEN']);
  });

  it('never shows a document retracted while its ingestion runs, and retracts only once', async () => {
    const up = await kb.call('POST', `/v1/knowledge/sources/${acmeSource}/documents`, {
      text: longText('toaster recall'),
    });
    const { documentId, jobId } = (await up.json()) as { documentId: string; jobId: string };
    const [d1, d2] = await Promise.all([
      kb.call('DELETE', `/v1/knowledge/documents/${documentId}?reason=recalled`),
      kb.call('DELETE', `/v1/knowledge/documents/${documentId}?reason=again`),
    ]);
    expect([d1.status, d2.status].sort()).toEqual([200, 409]);
    await kb.settle(jobId);
    expect(await visible(documentId, 'toaster recall terms', kb.editorKey)).toHaveLength(0);
    expect(await visible(documentId, 'toaster recall terms')).toHaveLength(0);
    const put = await kb.call('PUT', `/v1/knowledge/documents/${documentId}`, {
      text: 'Back again.',
    });
    expect([put.status, (await readProblem(put)).code]).toEqual([409, 'DOCUMENT_RETRACTED']);
    const retractions = await sut.query(
      `SELECT data FROM audit_log WHERE action = 'knowledge.document_retracted' AND subject = $1`,
      [documentId],
    );
    expect(retractions).toHaveLength(1);
  });

  // ---------------------------------------------------------------- roles and sources

  it('validates allowedRoles: 50 is fine, 51, empty strings and bad characters are not, duplicates fold', async () => {
    const before = await stored();
    const fifty = Array.from({ length: 50 }, (_, i) => `role_${i}`);
    for (const allowedRoles of [
      [...fifty, 'one_more'],
      [''],
      ['ok', ''],
      ['has space'],
      ['x'.repeat(65)],
      [1],
      'customer',
      [null],
    ]) {
      const res = await kb.call('POST', '/v1/knowledge/sources', {
        name: `Roles ${JSON.stringify(allowedRoles).slice(0, 30)}`,
        allowedRoles,
      });
      expect([
        JSON.stringify(allowedRoles).slice(0, 30),
        res.status,
        (await readProblem(res)).code,
      ]).toEqual([JSON.stringify(allowedRoles).slice(0, 30), 400, 'VALIDATION_FAILED']);
    }
    expect(await stored()).toEqual(before);
    const ok = await kb.createSource({ name: 'Fifty roles', allowedRoles: fifty });
    expect(
      (
        (await (await kb.call('GET', `/v1/knowledge/sources/${ok}`)).json()) as {
          allowedRoles: string[];
        }
      ).allowedRoles,
    ).toHaveLength(50);
    const dup = await kb.createSource({ name: 'Dup roles', allowedRoles: ['b', 'a', 'b', 'a'] });
    const patched = await kb.call('PATCH', `/v1/knowledge/sources/${dup}`, {
      allowedRoles: ['c', 'c'],
    });
    expect(((await patched.json()) as { allowedRoles: string[] }).allowedRoles).toEqual(['c']);
    const bad = await kb.call('PATCH', `/v1/knowledge/sources/${dup}`, {
      allowedRoles: [...fifty, 'x'],
    });
    expect(bad.status).toBe(400);
  });

  // ---------------------------------------------------------------- OpenAPI and audit

  it('describes every knowledge route in OpenAPI with its error responses', async () => {
    const spec = (await (await fetch(`${sut.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const expected: [string, string, string[]][] = [
      ['post', '/v1/knowledge/sources', ['201', '400', '401', '403', '409']],
      ['get', '/v1/knowledge/sources', ['200', '400', '401', '403']],
      ['get', '/v1/knowledge/sources/{id}', ['200', '401', '403', '404']],
      ['patch', '/v1/knowledge/sources/{id}', ['200', '400', '401', '403', '404', '409']],
      [
        'post',
        '/v1/knowledge/sources/{id}/documents',
        ['202', '400', '401', '403', '404', '413', '415', '422'],
      ],
      ['get', '/v1/knowledge/sources/{id}/documents', ['200', '400', '401', '403', '404']],
      ['get', '/v1/knowledge/documents/{id}', ['200', '401', '403', '404']],
      [
        'put',
        '/v1/knowledge/documents/{id}',
        ['202', '400', '401', '403', '404', '409', '413', '415', '422'],
      ],
      ['delete', '/v1/knowledge/documents/{id}', ['200', '400', '401', '403', '404', '409']],
      ['post', '/v1/knowledge/documents/{id}/review', ['200', '400', '401', '403', '404', '409']],
      ['get', '/v1/knowledge/jobs/{id}', ['200', '401', '403', '404']],
      // Any signed-in caller may search (what they read is scoped), so there is no 403.
      ['get', '/v1/knowledge/search', ['200', '400', '401', '503']],
      ['get', '/v1/knowledge/stale', ['200', '400', '401', '403']],
    ];
    for (const [method, path, statuses] of expected)
      expect([method, path, Object.keys(spec.paths[path]?.[method]?.responses ?? {})]).toEqual([
        method,
        path,
        expect.arrayContaining(statuses),
      ]);
  });

  it('records every change in the audit log, without document text or credentials', async () => {
    await stored(); // every job done
    const rows = await sut.query<{ action: string; subject: string; data: unknown }>(
      `SELECT action, subject, data FROM audit_log WHERE action LIKE 'knowledge.%'`,
    );
    const text = JSON.stringify(rows);
    for (const marker of TEXT_MARKERS)
      expect([marker, text.toLowerCase().includes(marker)]).toEqual([marker, false]);
    expect(text).not.toContain(kb.editorKey);
    expect(text).not.toContain(kb.editorKey.slice(0, 16));
    expect(text).not.toContain(staff);
    expect(text).not.toMatch(/Paragraph \d+ explains/);
    const has = (action: string, subject: string) =>
      rows.some((r) => r.action === action && r.subject === subject);
    for (const { id } of await sut.query<{ id: string }>(`SELECT id FROM knowledge_sources`))
      expect([id, has('knowledge.source_created', id)]).toEqual([id, true]);
    for (const { id } of await sut.query<{ id: string }>(
      `SELECT id FROM knowledge_documents WHERE retracted_at IS NOT NULL`,
    ))
      expect([id, has('knowledge.document_retracted', id)]).toEqual([id, true]);
    for (const { document_id } of await sut.query<{ document_id: string }>(
      `SELECT DISTINCT document_id FROM knowledge_document_versions WHERE reviewed_at IS NOT NULL`,
    ))
      expect([document_id, has('knowledge.document_reviewed', document_id)]).toEqual([
        document_id,
        true,
      ]);
    for (const v of await sut.query<{ document_id: string; version: number }>(
      `SELECT document_id, version FROM knowledge_document_versions`,
    ))
      expect([
        v,
        rows.some(
          (r) =>
            r.subject === v.document_id &&
            ['knowledge.document_uploaded', 'knowledge.version_uploaded'].includes(r.action) &&
            (r.data as { version: number }).version === v.version,
        ),
      ]).toEqual([v, true]);
    for (const v of await sut.query<{ document_id: string; version: number }>(
      `SELECT document_id, version FROM knowledge_document_versions WHERE status IN ('ready', 'superseded')`,
    ))
      expect([
        v,
        rows.some(
          (r) =>
            r.action === 'knowledge.version_published' &&
            r.subject === v.document_id &&
            (r.data as { version: number }).version === v.version,
        ),
      ]).toEqual([v, true]);
    for (const { id } of await sut.query<{ id: string }>(
      `SELECT id FROM knowledge_sources WHERE updated_at > created_at`,
    ))
      expect([id, has('knowledge.source_updated', id)]).toEqual([id, true]);
    expect(
      rows.filter((r) => r.action === 'knowledge.source_updated').length,
    ).toBeGreaterThanOrEqual(6);
  });
});

describe('knowledge: isolation on the HNSW path (no exact scan)', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  beforeAll(async () => {
    sut = await startTestApp({
      env: { ...JWT_ENV, ...KNOWLEDGE_ENV, SWITCHBOARD_KNOWLEDGE_EXACT_SCAN_BELOW: '0' },
    });
    kb = await knowledgeClient(sut);
  }, 120_000);
  afterAll(() => sut.close());

  it('finds the caller\u2019s own passage by meaning even when another tenant holds many closer ones', async () => {
    const globex = await kb.createSource({
      name: 'G',
      tenantId: 'globex',
      allowedRoles: ['customer'],
    });
    const acme = await kb.createSource({ name: 'A', tenantId: 'acme', allowedRoles: ['customer'] });
    const jobs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        kb
          .call('POST', `/v1/knowledge/sources/${globex}/documents`, {
            text: `Globex note ${i}: the refund for a damaged parcel is paid within ${i + 2} days.`,
          })
          .then(async (r) => ((await r.json()) as { jobId: string }).jobId),
      ),
    );
    for (const job of jobs) await kb.settle(job);
    const mine = await kb.upload(acme, {
      text: 'Money back for broken deliveries arrives after a week.',
    });
    const token = await callerToken('ann', 'acme', ['customer']);
    // No word in common with the passage: only the vector arm can find it.
    const { hits } = await kb.search('refund damaged parcel', token, 5);
    expect(hits.map((h) => h.citation.documentId)).toEqual([mine]);
    const other = await kb.search(
      'refund damaged parcel',
      await callerToken('cyd', 'globex', ['customer']),
      50,
    );
    expect(other.hits).toHaveLength(30);
    expect(new Set(other.hits.map((h) => h.citation.sourceId))).toEqual(new Set([globex]));
  });
});
