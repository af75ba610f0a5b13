import { callerToken, KNOWLEDGE_ENV, knowledgeClient } from './support/knowledge.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

/** A long text about one subject, so its new version takes a while to embed. */
const handbook = (edition: string) =>
  Array.from(
    { length: 60 },
    (_, i) =>
      `Section ${i + 1}. The ${edition} edition of the espresso machine handbook says: clean group head ${i + 1} daily and descale monthly.`,
  ).join('\n\n');

describe('knowledge: a new version replaces the old one atomically', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, ...KNOWLEDGE_ENV } });
  });
  afterAll(() => sut.close());

  it('never shows both versions or neither, while the new one is ingested', async () => {
    const kb = await knowledgeClient(sut);
    const customer = await callerToken('ann', 'acme', ['customer']);
    const sourceId = await kb.createSource({
      name: 'Handbooks',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const documentId = await kb.upload(sourceId, { title: 'Espresso', text: handbook('first') });
    // Searches embed on their own worker, which loads on the first search: load it now, so the
    // searches below run while version 2 is being ingested rather than after.
    expect(
      (await kb.search('espresso machine handbook group head', customer, 20)).hits.length,
    ).toBeGreaterThan(0);
    const res = await kb.call('PUT', `/v1/knowledge/documents/${documentId}`, {
      text: handbook('second'),
    });
    const { jobId } = (await res.json()) as { jobId: string };
    const seen: number[][] = [];
    let status = 'queued';
    while (status !== 'ready' && status !== 'failed') {
      const { hits } = await kb.search('espresso machine handbook group head', customer, 20);
      seen.push([...new Set(hits.map((h) => h.citation.version))]);
      status = (
        (await (await kb.call('GET', `/v1/knowledge/jobs/${jobId}`)).json()) as { status: string }
      ).status;
    }
    expect(status).toBe('ready');
    const { hits } = await kb.search('espresso machine handbook group head', customer, 20);
    seen.push([...new Set(hits.map((h) => h.citation.version))]);
    // Every answer held exactly one version: first v1 (while v2 was embedding), then v2.
    expect(seen.filter((versions) => versions.length !== 1)).toEqual([]);
    expect(seen.at(-1)).toEqual([2]);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[0]).toEqual([1]);
    const flips = seen.flat().filter((v, i, all) => i > 0 && v !== all[i - 1]);
    expect(flips).toEqual([2]);
  }, 120_000);
});
