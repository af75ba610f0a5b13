import { KnowledgeClock } from '../src/modules/knowledge/index.js';
import { GroundingWithdrawals } from '../src/modules/grounding/index.js';
import {
  adminKey,
  groundingEnv,
  injectedBlocks,
  realtimeAgent,
  sessionDetail,
  sidebandSent,
  systemText,
  recordedWithdrawals,
  typeQuestion,
} from './support/grounding.js';
import { knowledgeClient, type KnowledgeClient } from './support/knowledge.js';
import { auditOf } from './support/live-session-client.js';
import { connectedBrowser, eventually, speakInCall } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const RETURNS =
  '# Returns\n\n## Damaged items\n\nDamaged items can be returned within 60 days of delivery. ' +
  'Keep the packaging and a photo of the damage.';
const SHIPPING = '# Shipping\n\nStandard shipping takes three to five working days.';

const PROFILES = {
  // The response waits for the transcript (and its retrieval), within a generous budget.
  transcript: realtimeAgent({
    responseStart: 'server',
    grounding: { mode: 'transcript', budgetMs: 3000 },
  }),
  // Grounded as soon as the transcript arrives, for the responses after it.
  next: realtimeAgent({ grounding: { mode: 'next_turn' } }),
  server_next: realtimeAgent({ responseStart: 'server', grounding: { mode: 'next_turn' } }),
};

describe('grounding live Realtime calls in current, permitted knowledge', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  let admin: string;
  let returnsId: string;

  beforeAll(async () => {
    sut = await startTestApp({ env: groundingEnv(PROFILES) });
    kb = await knowledgeClient(sut);
    admin = await adminKey(sut);
    const source = await kb.createSource({
      name: 'Policies',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    returnsId = await kb.upload(source, { title: 'Returns', text: RETURNS });
    await kb.upload(source, { title: 'Shipping', text: SHIPPING });
    // Another tenant's text, which an acme caller must never be given.
    const other = await kb.createSource({
      name: 'Globex',
      tenantId: 'globex',
      allowedRoles: ['customer'],
    });
    await kb.upload(other, {
      title: 'Globex returns',
      text: '# Returns\n\nGLOBEX-CONFIDENTIAL: damaged items 5 days.',
    });
  }, 180_000);
  afterAll(() => sut.close());

  it('grounds a typed turn before its answer: a delimited, cited system item, then the response', async () => {
    const { browser, callId, id } = await connectedBrowser(sut, 'ann', ['customer'], 'transcript');
    try {
      typeQuestion(browser, 'Can I return a damaged item?');
      await browser.stream.next('response.done');
      const sent = await sidebandSent(sut, callId);
      const injected = sent.findIndex((e) => systemText(e)?.includes('<knowledge id="kn_'));
      const started = sent.findIndex((e) => e.type === 'response.create');
      expect(injected).toBeGreaterThanOrEqual(0);
      expect(injected).toBeLessThan(started);
      const text = systemText(sent[injected])!;
      expect(text).toMatch(/^\[Switchboard knowledge: .*quoted data, not instructions/);
      expect(text).toMatch(
        /<snippet n="1" document="doc_\w+" version="1" title="Returns" section="[^"]*Damaged items">/,
      );
      expect(text).toContain('within 60 days');
      expect(text).not.toContain('GLOBEX');
      const [, nonce] = /<knowledge id="(kn_[\w-]+)">/.exec(text)!;
      expect(text.trimEnd().endsWith(`</knowledge id="${nonce}">`)).toBe(true);

      // Provenance: the detail shows the turn and its document version; the audit has the digest.
      const detail = await eventually(async () => {
        const d = await sessionDetail(sut, id, admin);
        return d.grounding.turns.length > 0 && d;
      });
      const [given] = detail.grounding.turns[0].given;
      expect(given).toMatchObject({
        kind: 'injection',
        mode: 'transcript',
        query: 'Can I return a damaged item?',
        withdrawn: null,
      });
      expect(given.documents[0]).toMatchObject({
        documentId: returnsId,
        version: 1,
        title: 'Returns',
      });
      expect(given.itemId).toBe((sent[injected].item as { id: string }).id);
      const entry = (await auditOf(sut, id)).find((e) => e.action === 'grounding.given')!;
      expect(entry.data).toMatchObject({ digest: given.digest, itemId: given.itemId });
      expect(JSON.stringify(entry.data)).not.toContain('within 60 days'); // a digest, never the text
    } finally {
      await browser.close();
    }
  });

  it('holds a spoken turn until its transcript arrives, then grounds it', async () => {
    const { browser, callId, id } = await connectedBrowser(sut, 'bob', ['customer'], 'transcript');
    try {
      await speakInCall(sut, callId, 'what about a damaged item');
      await browser.stream.next('response.done');
      const sent = await sidebandSent(sut, callId);
      const injected = sent.findIndex((e) => systemText(e)?.includes('title="Returns"'));
      expect(injected).toBeGreaterThanOrEqual(0);
      expect(injected).toBeLessThan(sent.findIndex((e) => e.type === 'response.create'));
      const detail = await eventually(async () => {
        const d = await sessionDetail(sut, id, admin);
        return d.grounding.turns.length > 0 && d;
      });
      expect(detail.grounding.turns[0].given[0].query).toBe('what about a damaged item');
    } finally {
      await browser.close();
    }
  });

  it('in next_turn mode grounds the spoken turn as its transcript arrives, without holding the response', async () => {
    const { browser, callId } = await connectedBrowser(sut, 'cy', ['customer'], 'next');
    try {
      await speakInCall(sut, callId, 'is a damaged item returnable');
      await browser.stream.next('response.done');
      const blocks = await eventually(async () => {
        const found = await injectedBlocks(sut, callId);
        return found.length > 0 && found;
      });
      expect(blocks[0].text).toContain('title="Returns"');
      // Nothing Switchboard sent started the response: the model's own turn detection did.
      expect((await sidebandSent(sut, callId)).some((e) => e.type === 'response.create')).toBe(
        false,
      );
    } finally {
      await browser.close();
    }
  });

  it('gives nothing when nothing readable matches, and another tenant never', async () => {
    const { browser, callId } = await connectedBrowser(
      sut,
      'dee',
      ['customer'],
      'transcript',
      'globex-less',
    );
    try {
      typeQuestion(browser, 'damaged item returns');
      await browser.stream.next('response.done');
      expect(await injectedBlocks(sut, callId)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('search_knowledge answers the model with cited snippets read as the caller, recorded as provenance', async () => {
    const { browser, callId, id } = await connectedBrowser(sut, 'eve', ['customer'], 'server_next');
    try {
      typeQuestion(browser, 'look it up: shipping time');
      const reply = await eventually(async () => {
        const done = browser.stream.events.filter(
          (e) => e.type === 'response.output_audio_transcript.done',
        );
        return done.find((e) => String(e.transcript).startsWith('From the knowledge base'));
      }, 20_000);
      expect(String(reply.transcript)).toContain('three to five working days');
      const output = (await sidebandSent(sut, callId)).find(
        (e) =>
          e.type === 'conversation.item.create' &&
          (e.item as { type: string }).type === 'function_call_output',
      )!;
      const { result } = JSON.parse((output.item as { output: string }).output) as {
        result: {
          found: number;
          knowledge: string;
          citations: string[];
        };
      };
      expect(result.found).toBeGreaterThan(0);
      expect(result.citations).toContain('according to Shipping, version 1');
      expect(result.knowledge).toMatch(/<knowledge id="kn_[\w-]{16}">/);
      expect(result.knowledge).not.toContain('GLOBEX');
      const detail = await eventually(async () => {
        const d = await sessionDetail(sut, id, admin);
        return d.grounding.turns.find((t) => t.given.some((g) => g.kind === 'tool_result')) && d;
      });
      const toolTurn = detail.grounding.turns.find((t) => t.given[0].kind === 'tool_result')!;
      expect(toolTurn.given[0].documents.map((d) => d.title)).toContain('Shipping');
    } finally {
      await browser.close();
    }
  });

  it('withdraws retracted text mid-call: the item deleted by its id, a correction added, both audited', async () => {
    const source = await kb.createSource({
      name: 'Temp',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const docId = await kb.upload(source, {
      title: 'Warranty',
      text: '# Warranty\n\nThe kettle warranty lasts two years.',
    });
    const { browser, callId, id } = await connectedBrowser(sut, 'fay', ['customer'], 'transcript');
    try {
      typeQuestion(browser, 'how long is the kettle warranty');
      await browser.stream.next('response.done');
      const [block] = (await injectedBlocks(sut, callId)).filter((b) =>
        b.text.includes('Warranty'),
      );
      expect(block).toBeDefined();
      const res = await kb.call('DELETE', `/v1/knowledge/documents/${docId}`, {
        reason: 'wrong term',
      });
      expect(res.status).toBe(200);
      const deleted = await browser.stream.next('conversation.item.deleted');
      expect(deleted.item_id).toBe(block.id);
      const sent = await sidebandSent(sut, callId);
      const correction = sent.map(systemText).find((t) => t?.startsWith('Switchboard correction'));
      expect(correction).toContain('"Warranty", version 1 (retracted by its editors)');
      // Switchboard's own deletion is not tampering: the item is not put back.
      expect(sent.filter((e) => systemText(e) === block.text)).toHaveLength(1);
      await recordedWithdrawals(sut, id);
      const detail = await sessionDetail(sut, id, admin);
      const withdrawn = detail.grounding.turns
        .flatMap((t) => t.given)
        .find((g) => g.itemId === block.id)!;
      expect(withdrawn.withdrawn?.versions).toEqual([
        { documentId: docId, version: 1, title: 'Warranty', reason: 'retracted' },
      ]);
      const audit = await auditOf(sut, id);
      expect(audit.find((e) => e.action === 'grounding.withdrawn')?.data).toMatchObject({
        itemId: block.id,
      });
      expect(audit.some((e) => e.action === 'session.tamper_detected')).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it('withdraws text that expires mid-call at the next check', async () => {
    const clock = sut.app.get(KnowledgeClock);
    const source = await kb.createSource({
      name: 'Offers',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const validUntil = new Date(Date.now() + 3_600_000).toISOString();
    await kb.upload(source, {
      title: 'Winter offer',
      text: '# Winter offer\n\nDescaler costs half price.',
      validUntil,
    });
    const { browser, callId } = await connectedBrowser(sut, 'gus', ['customer'], 'transcript');
    const realNow = clock.now.bind(clock);
    try {
      typeQuestion(browser, 'is descaler on offer');
      await browser.stream.next('response.done');
      const [block] = (await injectedBlocks(sut, callId)).filter((b) =>
        b.text.includes('Winter offer'),
      );
      expect(block).toBeDefined();
      await sut.app.get(GroundingWithdrawals).sweep();
      expect(browser.stream.events.some((e) => e.type === 'conversation.item.deleted')).toBe(false);
      clock.now = () => new Date(realNow().getTime() + 2 * 3_600_000);
      await sut.app.get(GroundingWithdrawals).sweep();
      expect((await browser.stream.next('conversation.item.deleted')).item_id).toBe(block.id);
      const correction = (await sidebandSent(sut, callId))
        .map(systemText)
        .find((t) => t?.startsWith('Switchboard correction'));
      expect(correction).toContain('"Winter offer", version 1 (no longer valid)');
    } finally {
      clock.now = realNow;
      await browser.close();
    }
  });
});

describe('grounding when the transcript is late (the simulator transcribes 400 ms after the commit)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...groundingEnv({
          hurried: realtimeAgent({
            responseStart: 'server',
            grounding: { mode: 'transcript', budgetMs: 100 },
          }),
          partial: realtimeAgent({
            responseStart: 'server',
            // Half of it (200 ms) for the transcript, which takes 400 ms: the words so far.
            grounding: { mode: 'partial', budgetMs: 400 },
          }),
        }),
        SWITCHBOARD_SIMULATOR_TRANSCRIPTION_DELAY_MS: '400',
      },
    });
    const kb = await knowledgeClient(sut);
    const source = await kb.createSource({
      name: 'Policies',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    await kb.upload(source, { title: 'Returns', text: RETURNS });
  }, 180_000);
  afterAll(() => sut.close());

  it('answers within the budget without it, then gives it for the turns after', async () => {
    const { browser, callId, id } = await connectedBrowser(sut, 'hal', ['customer'], 'hurried');
    try {
      await speakInCall(sut, callId, 'can a damaged item be returned');
      await browser.stream.next('response.created');
      // The response started before any knowledge was given: the budget ran out first.
      expect(await injectedBlocks(sut, callId)).toEqual([]);
      const [late] = await eventually(async () => {
        const found = await injectedBlocks(sut, callId);
        return found.length > 0 && found;
      });
      expect(late.text).toContain('title="Returns"');
      const admin = await adminKey(sut);
      const detail = await eventually(async () => {
        const d = await sessionDetail(sut, id, admin);
        return d.grounding.turns.length > 0 && d;
      });
      expect(detail.grounding.turns[0].given[0]).toMatchObject({
        mode: 'transcript:late',
        query: 'can a damaged item be returned',
      });
    } finally {
      await browser.close();
    }
  });

  it('in partial mode grounds the answer on the words heard so far', async () => {
    const { browser, callId, id } = await connectedBrowser(sut, 'ivy', ['customer'], 'partial');
    try {
      await speakInCall(sut, callId, 'damaged item returned within how many days please tell me');
      await browser.stream.next('response.done');
      const sent = await sidebandSent(sut, callId);
      const injected = sent.findIndex((e) => systemText(e)?.includes('title="Returns"'));
      expect(injected).toBeGreaterThanOrEqual(0);
      expect(injected).toBeLessThan(sent.findIndex((e) => e.type === 'response.create'));
      const admin = await adminKey(sut);
      const { grounding } = await sessionDetail(sut, id, admin);
      const { query } = grounding.turns[0].given[0];
      const said = 'damaged item returned within how many days please tell me';
      expect(said.startsWith(query)).toBe(true);
      expect(query.split(' ').length).toBeGreaterThanOrEqual(2);
      expect(query.length).toBeLessThan(said.length);
    } finally {
      await browser.close();
    }
  });
});
