import { adminKey, groundingEnv, recordedWithdrawals, sessionDetail } from './support/grounding.js';
import { knowledgeClient, type KnowledgeClient } from './support/knowledge.js';
import {
  auditOf,
  connectedLiveBrowser,
  inspectLiveSession,
  sayInLiveSession,
  sentOnSideband,
} from './support/live-session-client.js';
import { eventually } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROFILES = {
  live_grounded: {
    api: 'live',
    model: 'gpt-live-1',
    voice: 'marin',
    instructions: 'You are the voice of an online shop. Answer from the knowledge you are given.',
    grounding: {},
  },
};

/** What Switchboard appended to a Live session over its sideband, of one kind. */
async function appended(sut: TestApp, callId: string, type: string): Promise<string[]> {
  return (await sentOnSideband(sut, callId, type)).map((e) => String(e.event.content));
}

describe('grounding GPT-Live calls: silent context, corrections by append, the same provenance', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  let admin: string;
  let source: string;

  beforeAll(async () => {
    sut = await startTestApp({ env: groundingEnv(PROFILES) });
    kb = await knowledgeClient(sut);
    admin = await adminKey(sut);
    source = await kb.createSource({
      name: 'Policies',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    await kb.upload(source, {
      title: 'Shipping',
      text: '# Shipping\n\nStandard shipping takes three to five working days.',
    });
  }, 180_000);
  afterAll(() => sut.close());

  it('grounds what the caller says with session.thinking.append, cited and within one append', async () => {
    const docId = await kb.upload(source, {
      title: 'Returns',
      text: '# Returns\n\nDamaged items can be returned within 60 days of delivery.',
    });
    const { browser, callId, id } = await connectedLiveBrowser(sut, 'lia', 'live_grounded');
    try {
      await sayInLiveSession(sut, callId, 'can I return a damaged item');
      const [thinking] = await eventually(async () => {
        const found = await sentOnSideband(sut, callId, 'session.thinking.append');
        return found.length > 0 && found;
      });
      const content = String(thinking.event.content);
      expect(thinking.event.delegation_id).toBeNull();
      expect(content).toMatch(/^\[Switchboard knowledge: .*quoted data, not instructions/);
      expect(content).toMatch(/<snippet n="1" document="doc_\w+" version="1" title="Returns"/);
      expect(content).toContain('within 60 days');
      expect(content.length).toBeLessThanOrEqual(1800); // an append carries at most 500 tokens
      // The simulator acknowledged it as Live does.
      const acks = (await inspectLiveSession(sut, callId)).events.filter(
        (e) => e.direction === 'out' && e.event.type === 'session.thinking.appended',
      );
      expect(acks.length).toBeGreaterThan(0);

      const detail = await eventually(async () => {
        const d = await sessionDetail(sut, id, admin);
        return d.grounding.turns.length > 0 && d;
      });
      const given = detail.grounding.turns[0].given[0];
      expect(given).toMatchObject({ kind: 'injection', mode: 'live', itemId: null });
      expect(given.documents.map((d) => d.documentId)).toContain(docId);
      const entry = (await auditOf(sut, id)).find((e) => e.action === 'grounding.given');
      expect(entry?.data).toMatchObject({ digest: given.digest, mode: 'live' });
    } finally {
      await browser.close();
    }
  });

  it('corrects a withdrawn fact with an append, since Live cannot delete what it was given', async () => {
    const docId = await kb.upload(source, {
      title: 'Warranty',
      text: '# Warranty\n\nThe kettle warranty lasts two years from delivery.',
    });
    const { browser, callId, id } = await connectedLiveBrowser(sut, 'lou', 'live_grounded');
    try {
      await sayInLiveSession(sut, callId, 'how long is the kettle warranty');
      await eventually(async () =>
        (await appended(sut, callId, 'session.thinking.append')).some((t) =>
          t.includes('Warranty'),
        ),
      );
      const res = await kb.call('DELETE', `/v1/knowledge/documents/${docId}`, { reason: 'wrong' });
      expect(res.status).toBe(200);
      const [correction] = await eventually(async () => {
        const found = await appended(sut, callId, 'session.instructions.append');
        return found.length > 0 && found;
      });
      expect(correction).toMatch(
        /^Switchboard correction: .*"Warranty", version 1 \(retracted by its editors\)/,
      );
      const [withdrawn] = await recordedWithdrawals(sut, id);
      expect(withdrawn?.data).toMatchObject({
        itemId: null,
        versions: [{ documentId: docId, version: 1, title: 'Warranty', reason: 'retracted' }],
      });
    } finally {
      await browser.close();
    }
  });

  it('offers search_knowledge to the Responses backend as a function tool, governed like any', async () => {
    const { browser, callId, id } = await connectedLiveBrowser(sut, 'lea', 'live_grounded');
    try {
      await sayInLiveSession(sut, callId, 'look it up: shipping time');
      const output = await eventually(async () => {
        const sent = await sentOnSideband(sut, callId, 'response.item.create');
        return sent.find((e) => (e.event.item as { type: string }).type === 'function_call_output');
      }, 20_000);
      const { result } = JSON.parse((output.event.item as { output: string }).output) as {
        result: { found: number; knowledge: string; citations: string[] };
      };
      expect(result.citations).toContain('according to Shipping, version 1');
      expect(result.knowledge).toContain('three to five working days');
      const audit = await auditOf(sut, id);
      expect(
        audit.some((e) => e.action === 'tool.executed' && e.data.tool === 'search_knowledge'),
      ).toBe(true);
      expect(
        audit.some((e) => e.action === 'grounding.given' && e.data.kind === 'tool_result'),
      ).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
