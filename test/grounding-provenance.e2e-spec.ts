import { generateKeyPairSync } from 'node:crypto';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { verifyOffline } from './support/audit-verifier.js';
import { groundingEnv, injectedBlocks, realtimeAgent, typeQuestion } from './support/grounding.js';
import { knowledgeClient } from './support/knowledge.js';
import { connectedBrowser, eventually } from './support/session-client.js';
import { freshSchema, startTestApp, type TestApp } from './support/test-app.js';

const PROFILES = {
  grounded: realtimeAgent({
    responseStart: 'server',
    grounding: { mode: 'transcript', budgetMs: 3000 },
  }),
};

interface BundleLine {
  type: string;
  entry?: { action: string; subject: string; data: Record<string, unknown> };
  action?: string;
  subject?: string;
  data?: Record<string, unknown>;
}

describe('grounding provenance: what the caller heard, and from which version, from the bundle alone', () => {
  let sut: TestApp;
  const signing = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...groundingEnv(PROFILES),
        SWITCHBOARD_AUDIT_SIGNING_KEY: signing.privateKey
          .export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      },
    });
  }, 180_000);
  afterAll(() => sut.close());

  it('exports entries that name the session, turn, chunks, versions and digests, and verify offline', async () => {
    const kb = await knowledgeClient(sut);
    const source = await kb.createSource({
      name: 'Policies',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const docId = await kb.upload(source, {
      title: 'Returns',
      text: '# Returns\n\nDamaged items can be returned within 60 days of delivery.',
    });
    // Version 2 replaces it before the call: the caller must hear version 2.
    const res = await kb.call('PUT', `/v1/knowledge/documents/${docId}`, {
      text: '# Returns\n\nDamaged items can be returned within 90 days of delivery.',
    });
    expect(res.status).toBe(202);
    await kb.settle(((await res.json()) as { jobId: string }).jobId);

    const { browser, callId, id } = await connectedBrowser(sut, 'pia', ['customer'], 'grounded');
    let heard: string;
    try {
      typeQuestion(browser, 'Can I still return a damaged item?');
      heard = String(
        (await browser.stream.next('response.output_audio_transcript.done')).transcript,
      );
      await browser.stream.next('response.done');
      expect((await injectedBlocks(sut, callId))[0].text).toContain('90 days');
    } finally {
      await browser.close();
    }
    await eventually(
      async () =>
        (
          await sut.query(
            `SELECT 1 FROM audit_log WHERE subject = $1 AND action = 'grounding.answered'`,
            [id],
          )
        ).length > 0,
    );

    const { key } = await sut.app.get(ApiKeysService).create('auditor', ['auditor'], 'system');
    const exported = await fetch(`${sut.url}/v1/admin/audit/export`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const publicKey = await (await fetch(`${sut.url}/v1/audit/public-key`)).text();
    expect(await verifyOffline(text, publicKey)).toMatchObject({ code: 0 });

    // From here on, only the bundle.
    const entries = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as BundleLine)
      .map((line) => line.entry ?? line)
      .filter((e) => e.subject === id);
    const answered = entries.find((e) => e.action === 'grounding.answered')!;
    expect(answered.data).toMatchObject({ heard });
    const groundingIds = answered.data!.groundingIds as string[];
    const given = entries.filter(
      (e) => e.action === 'grounding.given' && groundingIds.includes(e.data!.groundingId as string),
    );
    expect(given).toHaveLength(1);
    const chunks = given[0].data!.chunks as {
      documentId: string;
      version: number;
      chunkId: string;
      digest: string;
    }[];
    expect(chunks.map((c) => [c.documentId, c.version])).toContainEqual([docId, 2]);
    expect(chunks.every((c) => /^\d+$/.test(c.chunkId) && /^[0-9a-f]{64}$/.test(c.digest))).toBe(
      true,
    );
    expect(given[0].data).toMatchObject({ callId, kind: 'injection', mode: 'transcript' });
    expect(String(given[0].data!.turn)).toMatch(/^item_/);
    expect(given[0].data!.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres)
  process.stderr.write(
    '\nSKIPPED grounding retraction across replicas: the embedded database is single-process (npm run test:pg runs it)\n',
  );
const describeOnPostgres = onPostgres ? describe : describe.skip;

describeOnPostgres('grounding withdrawal across replicas (LISTEN/NOTIFY)', () => {
  let upstream: Simulator;
  let owner: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    upstream = await startSimulator({
      apiKey: 'sk-upstream-grounding',
      inspection: true,
      scenario: undefined,
    });
    const env = {
      ...groundingEnv(PROFILES),
      OPENAI_API_KEY: 'sk-upstream-grounding',
      OPENAI_BASE_URL: `${upstream.url}/v1`,
      // Long: a withdrawal seen promptly is the notice, not the periodic check.
      SWITCHBOARD_GROUNDING_RECHECK_SECONDS: '3600',
    };
    const schema = freshSchema();
    owner = await startTestApp({ env, schema });
    other = await startTestApp({ env, schema });
  }, 180_000);
  afterAll(async () => {
    await other.close();
    await owner.close();
    await upstream.close();
  });

  it('a document retracted through another replica leaves the call the owner serves', async () => {
    const kb = await knowledgeClient(other);
    const source = await kb.createSource({
      name: 'Policies',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const docId = await kb.upload(source, {
      title: 'Warranty',
      text: '# Warranty\n\nThe kettle warranty lasts two years from delivery.',
    });
    const { browser, callId } = await connectedBrowser(owner, 'rex', ['customer'], 'grounded');
    try {
      typeQuestion(browser, 'how long is the kettle warranty');
      await browser.stream.next('response.done');
      const call = upstream.calls.find(callId)!;
      expect(call).toBeDefined();
      const [block] = await eventually(async () => {
        const found = await injectedBlocks(owner, callId);
        return found.length > 0 && found;
      });
      const res = await kb.call('DELETE', `/v1/knowledge/documents/${docId}`, { reason: 'wrong' });
      expect(res.status).toBe(200);
      expect((await browser.stream.next('conversation.item.deleted')).item_id).toBe(block.id);
    } finally {
      await browser.close();
    }
  });
});
