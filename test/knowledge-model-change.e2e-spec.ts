import { cp } from 'node:fs/promises';
import { join } from 'node:path';

import { ensureBuiltInModel } from '../src/knowledge/embedding/index.js';
import {
  callerToken,
  KNOWLEDGE_ENV,
  knowledgeClient,
  TEST_MODEL_CACHE_DIR,
} from './support/knowledge.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

/** A second model id: the built-in weights copied under another name, as a local model path. */
const OTHER_MODEL = 'local/minilm-copy';

describe('knowledge: changing the embedding model', () => {
  let first: TestApp;
  let second: TestApp | undefined;

  beforeAll(async () => {
    const builtIn = await ensureBuiltInModel(TEST_MODEL_CACHE_DIR);
    await cp(builtIn, join(TEST_MODEL_CACHE_DIR, OTHER_MODEL), { recursive: true, force: true });
    first = await startTestApp({ env: { ...JWT_ENV, ...KNOWLEDGE_ENV } });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first.close();
  });

  it('re-embeds every current version, keeps serving the old model until done, never mixes them', async () => {
    const kb = await knowledgeClient(first);
    const customer = await callerToken('ann', 'acme', ['customer']);
    const sourceId = await kb.createSource({
      name: 'Help',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const texts = [
      'Refunds are paid to the original card within five days.',
      'Our call centre answers from eight in the morning.',
    ];
    for (const [i, text] of texts.entries()) await kb.upload(sourceId, { title: `Doc ${i}`, text });
    const before = await kb.search('when are refunds paid', customer);
    expect(before.hits[0].text).toContain('five days');

    // A replica configured with another model joins: it registers the model and queues the work.
    second = await startTestApp({
      schema: first.schema,
      env: { ...JWT_ENV, ...KNOWLEDGE_ENV, SWITCHBOARD_KNOWLEDGE_MODEL: OTHER_MODEL },
    });
    const models = () =>
      first.query<{ model_id: string; status: string }>(
        `SELECT model_id, status FROM knowledge_embedding_models ORDER BY model_id`,
      );
    const jobs = await first.query<{ kind: string; model_id: string }>(
      `SELECT kind, model_id FROM knowledge_jobs WHERE kind = 'reembed'`,
    );
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs.map((j) => j.model_id))).toEqual(new Set([OTHER_MODEL]));

    // Until the switch, every answer comes from one model: the old one.
    let state = await models();
    while (state.find((m) => m.model_id === OTHER_MODEL)?.status !== 'active') {
      const { hits } = await kb.search('when are refunds paid', customer);
      expect(hits[0].text).toContain('five days');
      await new Promise((r) => setTimeout(r, 50));
      state = await models();
    }
    expect(Object.fromEntries(state.map((m) => [m.model_id, m.status]))).toEqual({
      [OTHER_MODEL]: 'active',
      'Xenova/all-MiniLM-L6-v2': 'retired',
    });
    const byModel = await first.query<{ model_id: string; n: number }>(
      `SELECT model_id, count(*)::int AS n FROM knowledge_chunks GROUP BY model_id`,
    );
    expect(byModel).toEqual([{ model_id: OTHER_MODEL, n: 2 }]);
    const after = await kb.search('when are refunds paid', customer);
    expect(after.hits[0].text).toContain('five days');
    const audit = await first.query<{ action: string; subject: string }>(
      `SELECT action, subject FROM audit_log WHERE action IN ('knowledge.model_changed', 'knowledge.model_activated') ORDER BY seq`,
    );
    expect(audit.map((a) => [a.action, a.subject])).toEqual([
      ['knowledge.model_activated', 'Xenova/all-MiniLM-L6-v2'],
      ['knowledge.model_changed', OTHER_MODEL],
      ['knowledge.model_activated', OTHER_MODEL],
    ]);

    // New uploads now embed with the new model only.
    await kb.upload(sourceId, {
      title: 'New',
      text: 'Gift wrapping costs three euros per parcel.',
    });
    const newest = await first.query<{ model_id: string }>(
      `SELECT DISTINCT c.model_id FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id WHERE d.title = 'New'`,
    );
    expect(newest).toEqual([{ model_id: OTHER_MODEL }]);
  }, 120_000);
});
