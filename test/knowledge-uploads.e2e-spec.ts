import { readFileSync } from 'node:fs';

import {
  imageOnlyPdf,
  passwordPdf,
  textPdf,
} from '../src/knowledge/extract/testing/pdf.fixtures.js';
import { readProblem } from './support/http.js';
import {
  callerToken,
  KNOWLEDGE_ENV,
  knowledgeClient,
  type KnowledgeClient,
} from './support/knowledge.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

const MAX_UPLOAD = 64 * 1024;

describe('knowledge: uploads of every kind, good and bad', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  let sourceId: string;

  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        ...KNOWLEDGE_ENV,
        SWITCHBOARD_KNOWLEDGE_MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
        SWITCHBOARD_KNOWLEDGE_MAX_PDF_PAGES: '3',
      },
    });
    kb = await knowledgeClient(sut);
    sourceId = await kb.createSource({
      name: 'Uploads',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
  });
  afterAll(() => sut.close());

  function uploadFile(bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${sut.url}/v1/knowledge/sources/${sourceId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kb.editorKey}` },
      body: form,
    });
  }

  const stored = async () =>
    (
      await sut.query<{ docs: number; versions: number; jobs: number; chunks: number }>(
        `SELECT (SELECT count(*)::int FROM knowledge_documents) AS docs,
              (SELECT count(*)::int FROM knowledge_document_versions) AS versions,
              (SELECT count(*)::int FROM knowledge_jobs) AS jobs,
              (SELECT count(*)::int FROM knowledge_chunks) AS chunks`,
      )
    )[0];

  it('ingests a text PDF and cites its page', async () => {
    const pdf = await textPdf([
      // Each page is longer than one passage's target, so the pages become separate chunks.
      {
        heading: 'Returns',
        paragraphs: Array.from(
          { length: 8 },
          (_, i) =>
            `Unused item number ${i} may be returned within thirty days of its delivery to any of our shops.`,
        ),
      },
      {
        heading: 'Repairs',
        paragraphs: [
          'Broken espresso grinders are repaired free of charge for two years.',
          ...Array.from(
            { length: 7 },
            (_, i) => `Repair note ${i}: keep the receipt and the box until the repair is done.`,
          ),
        ],
      },
    ]);
    const res = await uploadFile(pdf, 'policy.bin', {
      title: 'Policy PDF',
      validUntil: '2099-01-01T00:00:00Z',
    });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    expect((await kb.settle(jobId)).status).toBe('ready');
    const customer = await callerToken('ann', 'acme', ['customer']);
    const { hits } = await kb.search('grinder repair warranty', customer);
    expect(hits[0].text).toContain('repaired free of charge');
    expect(hits[0].citation.title).toBe('Policy PDF');
    expect(hits[0].citation.page).toBe(2);
  });

  it('ingests UTF-16 with a byte-order mark', async () => {
    const text = 'Gutscheine können online eingelöst werden.';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await uploadFile(bytes, 'gutscheine.txt');
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    expect((await kb.settle(jobId)).status).toBe('ready');
    const { hits } = await kb.search(
      'Gutscheine online einlösen',
      await callerToken('ann', 'acme', ['customer']),
    );
    expect(hits.map((h) => h.text)).toContain(text);
  });

  const ELF = Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    Buffer.alloc(120, 0),
  ]);
  const refusals: [string, () => Promise<Uint8Array> | Uint8Array, string, number, string][] = [
    ['an empty file', () => new Uint8Array(), 'notes.txt', 422, 'DOCUMENT_EMPTY'],
    ['whitespace only', () => Buffer.from(' \n\t\n '), 'notes.md', 422, 'DOCUMENT_EMPTY'],
    [
      'a program named .txt',
      () => (existsBinLs() ? readFileSync('/bin/ls').subarray(0, 60_000) : ELF),
      'notes.txt',
      415,
      'UNSUPPORTED_CONTENT',
    ],
    [
      'a PNG named .md',
      () =>
        Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
          'base64',
        ),
      'readme.md',
      415,
      'UNSUPPORTED_CONTENT',
    ],
    [
      'invalid UTF-8',
      () => Buffer.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0x20, 0x6f, 0x6b]),
      'x.txt',
      422,
      'INVALID_UTF8',
    ],
    [
      'UTF-16 without a BOM',
      () => Buffer.from('Plain words in UTF-16 without any byte order mark at all.', 'utf16le'),
      'x.txt',
      422,
      'UTF16_WITHOUT_BOM',
    ],
    ['an encrypted PDF', passwordPdf, 'secret.pdf', 422, 'PDF_ENCRYPTED'],
    ['a scanned PDF', imageOnlyPdf, 'scan.pdf', 422, 'PDF_NO_TEXT'],
    [
      'a truncated PDF',
      async () => (await passwordPdf()).slice(0, 200),
      'broken.pdf',
      422,
      'PDF_CORRUPT',
    ],
    [
      'too many pages',
      () =>
        textPdf(Array.from({ length: 4 }, (_, i) => ({ heading: `P${i}`, paragraphs: ['text'] }))),
      'long.pdf',
      413,
      'PDF_TOO_MANY_PAGES',
    ],
    [
      'HTML without text',
      () =>
        Buffer.from(
          '<!doctype html><html><head><title></title><script>x()</script></head><body><nav><a href="/"></a></nav></body></html>',
        ),
      'empty.html',
      422,
      'HTML_NO_TEXT',
    ],
    [
      'a file over the limit',
      () => Buffer.alloc(MAX_UPLOAD + 10, 'a'),
      'big.txt',
      413,
      'DOCUMENT_TOO_LARGE',
    ],
  ];

  it.each(refusals)(
    'refuses %s with its own code and stores nothing',
    async (_, make, name, status, code) => {
      const before = await stored();
      const res = await uploadFile(await make(), name);
      const problem = await readProblem(res);
      expect([res.status, problem.code]).toEqual([status, code]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(problem.detail.length).toBeGreaterThan(20);
      expect(await stored()).toEqual(before);
    },
  );

  it('refuses malformed uploads and bad fields before storing anything', async () => {
    const before = await stored();
    const cases: [RequestInit, number, string][] = [
      [
        { body: JSON.stringify({ title: 'x' }), headers: { 'content-type': 'application/json' } },
        400,
        'DOCUMENT_MISSING',
      ],
      [
        {
          body: JSON.stringify({
            text: 'a',
            validFrom: '2026-02-01T00:00:00Z',
            validUntil: '2026-01-01T00:00:00Z',
          }),
          headers: { 'content-type': 'application/json' },
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          body: JSON.stringify({ text: 'a', validUntil: 'next tuesday' }),
          headers: { 'content-type': 'application/json' },
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          body: JSON.stringify({ text: 'a', format: 'pdf' }),
          headers: { 'content-type': 'application/json' },
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          body: JSON.stringify({ text: 'a', sourceId: 'src_other' }),
          headers: { 'content-type': 'application/json' },
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
        },
        400,
        'UPLOAD_INVALID',
      ],
    ];
    for (const [init, status, code] of cases) {
      const res = await fetch(`${sut.url}/v1/knowledge/sources/${sourceId}/documents`, {
        method: 'POST',
        ...init,
        headers: {
          authorization: `Bearer ${kb.editorKey}`,
          ...(init.headers as Record<string, string>),
        },
      });
      expect([res.status, (await readProblem(res)).code]).toEqual([status, code]);
    }
    const twoFiles = new FormData();
    twoFiles.append('file', new Blob(['a']), 'a.txt');
    twoFiles.append('file', new Blob(['b']), 'b.txt');
    const res = await fetch(`${sut.url}/v1/knowledge/sources/${sourceId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kb.editorKey}` },
      body: twoFiles,
    });
    expect([res.status, (await readProblem(res)).code]).toEqual([400, 'UPLOAD_INVALID']);
    const wrongField = new FormData();
    wrongField.append('document', new Blob(['a']), 'a.txt');
    const res2 = await fetch(`${sut.url}/v1/knowledge/sources/${sourceId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kb.editorKey}` },
      body: wrongField,
    });
    expect([res2.status, (await readProblem(res2)).code]).toEqual([400, 'UPLOAD_INVALID']);
    expect(await stored()).toEqual(before);
  });

  it('refuses an upload to a source the editor does not manage, or that does not exist', async () => {
    const staff = await callerToken('eve', 'globex', ['knowledge_editor']);
    const res = await kb.call(
      'POST',
      `/v1/knowledge/sources/${sourceId}/documents`,
      { text: 'x' },
      staff,
    );
    expect([res.status, (await readProblem(res)).code]).toEqual([404, 'SOURCE_NOT_FOUND']);
    const none = await kb.call('POST', `/v1/knowledge/sources/src_missing/documents`, {
      text: 'x',
    });
    expect([none.status, (await readProblem(none)).code]).toEqual([404, 'SOURCE_NOT_FOUND']);
  });

  it('refuses a second version while one is in ingestion, and lists stale text for editors', async () => {
    const doc = await kb.upload(sourceId, {
      title: 'Soon stale',
      text: 'The summer sale ends at the end of August.',
      reviewBy: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    const first = await kb.call('PUT', `/v1/knowledge/documents/${doc}`, {
      text: 'The summer sale ends at the end of September. '.repeat(200),
    });
    expect(first.status).toBe(202);
    const second = await kb.call('PUT', `/v1/knowledge/documents/${doc}`, { text: 'Third.' });
    const problem = await readProblem(second);
    expect([second.status, problem.code]).toEqual([409, 'DOCUMENT_BUSY']);
    await kb.settle(((await first.json()) as { jobId: string }).jobId);
    const stale = (await (await kb.call('GET', '/v1/knowledge/stale?withinDays=7')).json()) as {
      items: { documentId: string; reasons: string[] }[];
    };
    expect(stale.items.find((i) => i.documentId === doc)).toBeUndefined(); // the new version has no reviewBy
    const reviewed = await kb.call('POST', `/v1/knowledge/documents/${doc}/review`, {
      nextReviewBy: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    expect(reviewed.status).toBe(200);
    const again = (await (await kb.call('GET', '/v1/knowledge/stale?withinDays=7')).json()) as {
      items: { documentId: string; reasons: string[]; servedToCallers: boolean }[];
    };
    expect(again.items.find((i) => i.documentId === doc)).toMatchObject({
      reasons: ['review_due_soon'],
      servedToCallers: true,
    });
  });
});

function existsBinLs(): boolean {
  try {
    readFileSync('/bin/ls');
    return true;
  } catch {
    return false;
  }
}
