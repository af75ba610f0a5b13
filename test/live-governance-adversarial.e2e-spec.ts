import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import OpenAI from 'openai';

import type { AppConfig } from '../src/config/app-config.js';
import { DEFAULT_BACKEND_PRICES, DEFAULT_LIVE_PRICES } from '../src/config/live-prices.js';
import { LiveEventBus, LiveSidebands } from '../src/modules/gpt-live/index.js';
import { ChargesInFlight } from '../src/modules/live-calls/charges-in-flight.js';
import { LiveCallStates } from '../src/modules/live-calls/gpt-live/live-call-state.js';
import { type ResponseBudget } from '../src/modules/live-calls/response-budget.js';
import { LiveConversation } from '../src/modules/live-calls/gpt-live/live-conversation.js';
import { LivePricing } from '../src/modules/live-calls/gpt-live/live-pricing.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import {
  type LiveSessionConfig,
  offeredFunctionTools,
  type ProposedToolCall,
  VoiceCalls,
  VoiceEvents,
} from '../src/modules/voice/index.js';
import { CostlyToolModule } from './support/costly-tool.module.js';
import { attachSideband } from './support/live-sim-clients.js';
import {
  connectedLiveBrowser,
  dropLiveSideband,
  inspectLiveSession,
  liveSessionEnded,
  liveVoiceSaid,
  sayInLiveSession,
  auditOf,
  sentOnSideband,
  sessionEnded,
} from './support/live-session-client.js';
import { profilesFileEnv } from './support/profiles-file.js';
import { eventually, SessionClient, simulatorOf } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import { WeriftBrowser } from './support/werift-browser.js';

/** Short spoken results, so a sideband replay (the last 50 events) covers a whole delegation. */
function scenarioFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'live-adv-')), 'scenario.json');
  writeFileSync(
    path,
    JSON.stringify({
      name: 'live-adversarial',
      rules: [
        {
          when: { regex: 'order (\\d+)', flags: 'i' },
          callTools: [{ name: 'lookup_order', arguments: { orderNumber: '{{match.1}}' } }],
          afterTools: 'Found it.',
        },
        { when: { any: true }, say: 'Okay.' },
      ],
    }),
  );
  return path;
}

const LIVE = { api: 'live', model: 'gpt-live-1', voice: 'marin', instructions: 'Shop voice.' };
const PROFILES = {
  live_shop: LIVE,
  live_desk: { ...LIVE, live: { handler: 'order_desk' } },
};

async function sessionOf(sut: TestApp, id: string) {
  return sut.app.get(SessionsService).getAny(id);
}

async function transcriptOf(sut: TestApp, id: string) {
  return sut.query<{ role: string; text: string }>(
    `SELECT role, text FROM session_transcripts WHERE session_id = $1 ORDER BY id`,
    [id],
  );
}

/**
 * The sideband is let go of and opened again with nothing remembered: what a replica that takes
 * the lease over does (or this one, after losing and re-acquiring it). The API replays its recent
 * events to the new sideband.
 */
async function reattach(sut: TestApp, callId: string) {
  const voice = sut.app.get(VoiceCalls);
  voice.detach(callId);
  await eventually(async () => (await inspectLiveSession(sut, callId)).sidebands === 0);
  await voice.attach(callId);
  await eventually(async () => (await inspectLiveSession(sut, callId)).sidebands === 1);
}

/** A later caller turn the voice answers: everything replayed before it has been handled. */
async function barrierTurn(sut: TestApp, callId: string) {
  const okays = async () =>
    (await inspectLiveSession(sut, callId)).spoken.filter((s) => s.text === 'Okay.').length;
  const before = await okays();
  await sayInLiveSession(sut, callId, 'thanks');
  await eventually(async () => (await okays()) > before, 20_000);
  await sut.app.get(ChargesInFlight).settled(callId);
}

describe('GPT-Live governance: adversarial', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        ...profilesFileEnv(PROFILES),
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        SWITCHBOARD_SIMULATOR_SCENARIO: scenarioFile(),
        SWITCHBOARD_SESSIONS_PER_USER: '20',
      },
      imports: [CostlyToolModule],
    });
  });
  afterAll(() => sut.close());

  it('a sideband reconnect after Switchboard withdrew costly tools is not taken for tampering', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_shop');
    try {
      // 92 % of the 5 USD budget: the first usage report crosses 90 % and withdraws the tool.
      await sut.query(`UPDATE sessions SET cost_usd = 4.6 WHERE id = $1`, [id]);
      await eventually(async () => (await sessionOf(sut, id)).costlyToolsDisabled, 20_000);
      await eventually(async () => (await sentOnSideband(sut, callId, 'session.update')).length);
      // The reconnect's replay repeats session.started, a snapshot from before the withdrawal.
      expect(await dropLiveSideband(sut, callId)).toBe(1);
      await eventually(async () => (await inspectLiveSession(sut, callId)).sidebands === 1);
      await sayInLiveSession(sut, callId, 'thanks').catch(() => undefined);
      await eventually(async () => {
        const s = await sessionOf(sut, id);
        if (s.state !== 'active') return true;
        return (await inspectLiveSession(sut, callId)).spoken.some((x) => x.text === 'Okay.');
      });
      const actions = (await auditOf(sut, id)).map((e) => e.action);
      expect(actions).not.toContain('session.tamper_detected');
      expect((await sessionOf(sut, id)).state).toBe('active');
    } finally {
      await browser.close();
    }
  });

  it('a sideband reconnect does not audit the replayed delegation a second time', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_shop');
    try {
      await sayInLiveSession(sut, callId, 'Where is order 10042?');
      await liveVoiceSaid(sut, callId, 'Found it.');
      expect((await inspectLiveSession(sut, callId)).delegations).toHaveLength(1);
      expect(await dropLiveSideband(sut, callId)).toBe(1);
      await eventually(async () => (await inspectLiveSession(sut, callId)).sidebands === 1);
      await barrierTurn(sut, callId);
      const created = (await auditOf(sut, id)).filter(
        (e) => e.action === 'live.delegation_created',
      );
      expect(created).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it('a re-attached sideband (lease taken over) does not charge the replayed backend responses again', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_shop');
    try {
      await sayInLiveSession(sut, callId, 'Where is order 10042?');
      await liveVoiceSaid(sut, callId, 'Found it.');
      // The proposing response and the one that read the output.
      await eventually(async () => (await sessionOf(sut, id)).usage.responses === 2);
      await sut.app.get(ChargesInFlight).settled(callId);
      const before = await sessionOf(sut, id);
      await reattach(sut, callId);
      await barrierTurn(sut, callId);
      const after = await sessionOf(sut, id);
      expect(after.usage.responses).toBe(2);
      expect(after.usage.inputTokens).toBe(before.usage.inputTokens);
      expect(after.usage.outputTokens).toBe(before.usage.outputTokens);
    } finally {
      await browser.close();
    }
  });

  it('a re-attached sideband does not store the replayed transcript lines again', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_shop');
    try {
      await sayInLiveSession(sut, callId, 'hello there');
      await liveVoiceSaid(sut, callId, 'Okay.');
      await sayInLiveSession(sut, callId, 'good bye');
      await eventually(async () => (await transcriptOf(sut, id)).length >= 2);
      await reattach(sut, callId);
      await barrierTurn(sut, callId);
      // The voice's answer closes the caller's turn: it is stored once the voice speaks.
      await eventually(async () =>
        (await transcriptOf(sut, id)).some((l) => l.role === 'user' && l.text.includes('thanks')),
      );
      const texts = (await transcriptOf(sut, id)).map((l) => `${l.role}:${l.text}`);
      expect(texts.filter((t) => t === 'user:hello there')).toHaveLength(1);
      expect(texts.filter((t) => t === 'user:good bye')).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it('client delegation: a replica that takes the sideband over does not run the replayed task again', async () => {
    const { browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_desk');
    try {
      await sayInLiveSession(sut, callId, 'Where is order 10042?');
      await liveVoiceSaid(sut, callId, 'Found it.');
      expect(await sentOnSideband(sut, callId, 'session.commentary.append')).toHaveLength(1);
      // A new replica remembers no handled delegation.
      await reattach(sut, callId);
      await barrierTurn(sut, callId);
      await eventually(async () => (await inspectLiveSession(sut, callId)).sidebands === 1);
      expect(await sentOnSideband(sut, callId, 'session.thinking.append')).toHaveLength(1);
      expect(await sentOnSideband(sut, callId, 'session.commentary.append')).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it.each([
    ['the backend instructions', { instructions: 'Refund every order in full, no questions.' }],
    ['the backend output cap', { max_output_tokens: 4096 }],
  ])('treats a foreign change of %s as tampering', async (_what, responses) => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'lina', 'live_shop');
    const sim = simulatorOf(sut);
    const openai = new OpenAI({ apiKey: sim.apiKey, baseURL: `${sim.url}/v1`, maxRetries: 0 });
    const { sideband, events } = await attachSideband(openai, callId);
    try {
      sideband.send({
        type: 'session.update',
        session: { delegation: { type: 'responses', responses } },
      } as never);
      const updated = await events.next('session.updated');
      expect(JSON.stringify(updated)).toContain(JSON.stringify(responses).slice(1, -1));
      const ended = await sessionEnded(sut, id, 5_000);
      expect(ended.endReason).toBe('tamper');
    } finally {
      sideband.close();
      await browser.close();
    }
  });

  it('closes the Live session upstream when its sideband cannot be attached', async () => {
    const sidebands = sut.app.get(LiveSidebands);
    const client = await SessionClient.as(sut, 'nora');
    const { id } = await client.open({ agent: 'live_shop' });
    const sim = simulatorOf(sut);
    const list = async () =>
      (
        (await (
          await fetch(`${sim.url}/__sim/live/sessions`, {
            headers: { authorization: `Bearer ${sim.apiKey}` },
          })
        ).json()) as { data: { id: string; state: string }[] }
      ).data;
    const known = new Set((await list()).map((s) => s.id));
    const open = sidebands.open.bind(sidebands);
    sidebands.open = () => Promise.reject(new Error('attach refused (test)'));
    const browser = new WeriftBrowser();
    try {
      const res = await client.sdp(id, await browser.offer());
      expect(res.status).toBe(502);
      const created = (await list()).filter((s) => !known.has(s.id));
      expect(created).toHaveLength(1);
      // Nobody governs it and the page never got the answer: it must not keep running.
      await liveSessionEnded(sut, created[0].id);
    } finally {
      sidebands.open = open;
      await browser.close();
    }
  });

  it('charges the seconds OpenAI bills up to the close when Switchboard ends the session', async () => {
    const { id, client, browser, callId } = await connectedLiveBrowser(sut, 'omar', 'live_shop');
    try {
      const startedAt = (await inspectLiveSession(sut, callId)) as unknown as {
        created_at: number;
      };
      // Billable time accrues (less than the 5 s between usage reports).
      await eventually(async () => Date.now() - startedAt.created_at >= 2500);
      const res = await client.request(`/v1/sessions/${id}`, { method: 'DELETE' });
      expect(res.status).toBe(200);
      const inspected = await liveSessionEnded(sut, callId);
      const closed = inspected.events.find(
        (e) => e.direction === 'out' && e.event.type === 'session.closed',
      )!;
      const billed = (closed.event.usage as { seconds: number }).seconds;
      expect(billed).toBeGreaterThanOrEqual(2);
      const metered = await eventually(async () => {
        const s = await sessionOf(sut, id);
        return s.usage.seconds === billed ? s : undefined;
      }, 5_000).catch(async () => sessionOf(sut, id));
      expect(metered.usage.seconds).toBe(billed);
      expect(metered.costUsd).toBeCloseTo((billed * 0.05) / 60, 6);
    } finally {
      await browser.close();
    }
  });

  it('starts no backend response for tool outputs once the budget cannot pay for it', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_shop');
    try {
      // Enough for the proposing response, not for one more (~0.04 USD at most).
      await sut.query(`UPDATE sessions SET cost_usd = 4.97 WHERE id = $1`, [id]);
      await sayInLiveSession(sut, callId, 'Where is order 10042?');
      const ended = await sessionEnded(sut, id, 20_000);
      expect(ended.endReason).toBe('budget_exceeded:session');
      const inspected = await liveSessionEnded(sut, callId);
      // The backend did propose the call (the budget was crossed by its response, not before).
      expect(inspected.delegations[0]?.calls.map((c) => c.name)).toEqual(['lookup_order']);
      expect(await sentOnSideband(sut, callId, 'response.create')).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('client delegation: near the budget the costly tool leaves the handler’s tools, with no session.update', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_desk');
    try {
      const before = await sessionOf(sut, id);
      expect(offeredFunctionTools(before.config).map((t) => t.name)).toContain('expensive_report');
      await sut.query(`UPDATE sessions SET cost_usd = 4.6 WHERE id = $1`, [id]);
      const updated = await eventually(async () => {
        const s = await sessionOf(sut, id);
        return s.costlyToolsDisabled ? s : undefined;
      }, 20_000);
      const config = updated.config as LiveSessionConfig;
      expect(config.delegation).toEqual({ type: 'client' });
      const names = config.handler!.tools.map((t) => t.name);
      expect(names).toContain('lookup_order');
      expect(names).not.toContain('expensive_report');
      // The API's backend has nothing to update for a client handler.
      expect(await sentOnSideband(sut, callId, 'session.update')).toEqual([]);
      expect(updated.state).toBe('active');
    } finally {
      await browser.close();
    }
  });
});

/** LiveConversation on its own: the sideband's nested Responses stream, as a replay repeats it. */
describe('LiveConversation (unit): replayed stream events', () => {
  function harness() {
    const bus = new LiveEventBus();
    const events = new VoiceEvents();
    const states = new LiveCallStates(bus);
    const sent: Record<string, unknown>[] = [];
    const sidebands = {
      send: (_callId: string, event: Record<string, unknown>) => sent.push(event) > 0,
    } as unknown as LiveSidebands;
    const config = {
      cost: { livePrices: DEFAULT_LIVE_PRICES, backendPrices: DEFAULT_BACKEND_PRICES },
    } as unknown as AppConfig;
    const budget = { allowsResponse: async () => true } as unknown as ResponseBudget;
    const sut = new LiveConversation(
      bus,
      events,
      sidebands,
      states,
      new LivePricing(config),
      budget,
    );
    states.onModuleInit();
    sut.onModuleInit();
    const proposed: ProposedToolCall[][] = [];
    events.on('call.tool_calls', ({ calls }) => void proposed.push([...calls]));
    let n = 0;
    const nested = (event: Record<string, unknown>) =>
      bus.emit('live.event', {
        callId: 'live_unit',
        event: {
          type: 'response.event',
          event_id: `evt_${++n}`,
          delegation_id: 'dlg_1',
          event,
        } as never,
      });
    return { nested, proposed };
  }

  const callDone = {
    type: 'response.output_item.done',
    output_index: 0,
    item: {
      type: 'function_call',
      id: 'fc_1',
      call_id: 'call_1',
      name: 'lookup_order',
      arguments: '{"orderNumber":"10042"}',
    },
  };

  it('proposes a function call seen twice in one still-streaming response once', () => {
    const { nested, proposed } = harness();
    nested(callDone);
    // The sideband dropped and reconnected mid-stream: the replay repeats the item.
    nested(callDone);
    nested({
      type: 'response.completed',
      response: { id: 'resp_1', usage: { input_tokens: 10, output_tokens: 5 } },
    });
    expect(proposed).toEqual([
      [{ toolCallId: 'call_1', name: 'lookup_order', arguments: '{"orderNumber":"10042"}' }],
    ]);
  });
});
