import { fileURLToPath } from 'node:url';

import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { offeredFunctionTools } from '../src/modules/voice/index.js';
import {
  connectedLiveBrowser,
  liveSessionEnded,
  liveVoiceSaid,
  sayInLiveSession,
  auditOf,
  sentOnSideband,
  sessionEnded,
} from './support/live-session-client.js';
import { CostlyToolModule, expensiveReports } from './support/costly-tool.module.js';
import { profilesFileEnv } from './support/profiles-file.js';
import { eventually, SessionClient } from './support/session-client.js';
import { WeriftBrowser } from './support/werift-browser.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

const SCENARIO = fileURLToPath(new URL('./fixtures/tool-scenario.json', import.meta.url));
const LIVE = { api: 'live', model: 'gpt-live-1', voice: 'marin', instructions: 'Shop voice.' };

/** Duration, budgets and degradation of GPT-Live sessions: the same limits as Realtime's. */
describe('GPT-Live sessions: limits, budgets, degradation', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        ...profilesFileEnv({
          live_shop: LIVE,
          live_short: { ...LIVE, limits: { maxDurationSeconds: 3, warningSeconds: 2 } },
          live_quiet: { ...LIVE, limits: { idleSeconds: 2 } },
          quiet: {
            model: 'gpt-realtime',
            voice: 'marin',
            instructions: 'Shop voice.',
            turnDetection: { type: 'server_vad' },
            limits: { idleSeconds: 2 },
          },
        }),
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        SWITCHBOARD_SIMULATOR_SCENARIO: SCENARIO,
        SWITCHBOARD_SESSIONS_PER_USER: '10',
      },
      imports: [CostlyToolModule],
    });
  });
  afterAll(() => sut.close());

  it('near the budget, withdraws costly tools from the backend (session.update) and refuses them', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_shop');
    try {
      const session = await sut.app.get(SessionsService).getAny(id);
      expect(offeredFunctionTools(session.config).map((t) => t.name)).toContain('expensive_report');
      // 92 % of the 5 USD default session budget is spent; the next charge passes 90 %.
      await sut.query(`UPDATE sessions SET cost_usd = 4.6 WHERE id = $1`, [id]);
      await sayInLiveSession(sut, callId, 'Where is order 10042?');
      const updated = await eventually(async () => {
        const s = await sut.app.get(SessionsService).getAny(id);
        return s.costlyToolsDisabled ? s : undefined;
      }, 20_000);
      expect(offeredFunctionTools(updated.config).map((t) => t.name)).not.toContain(
        'expensive_report',
      );
      const [update] = await sentOnSideband(sut, callId, 'session.update');
      const tools = (
        update.event.session as { delegation: { responses: { tools: { name: string }[] } } }
      ).delegation.responses.tools.map((t) => t.name);
      expect(tools).toContain('lookup_order');
      expect(tools).not.toContain('expensive_report');
      // Switchboard's own update is not mistaken for tampering.
      expect((await sut.app.get(SessionsService).getAny(id)).state).toBe('active');
      const before = expensiveReports.length;
      await sayInLiveSession(sut, callId, 'an expensive report');
      const spoken = await liveVoiceSaid(sut, callId, 'Report:');
      expect(spoken.find((s) => s.startsWith('Report:'))).toContain('TOOL_DISABLED_NEAR_BUDGET');
      expect(expensiveReports).toHaveLength(before);
      const actions = (await auditOf(sut, id)).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['session.budget_warning', 'session.costly_tools_disabled']),
      );
    } finally {
      await browser.close();
    }
  });

  it('closes the Live session before a charge it could not pay for', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_shop');
    try {
      await sut.query(`UPDATE sessions SET cost_usd = 4.99 WHERE id = $1`, [id]);
      await sayInLiveSession(sut, callId, 'Where is order 10042?');
      const ended = await sessionEnded(sut, id, 20_000);
      expect(ended.endReason).toBe('budget_exceeded:session');
      expect(ended.costUsd).toBeLessThanOrEqual(5);
      const inspected = await liveSessionEnded(sut, callId);
      expect(inspected.closed_reason).toBe('close_requested');
      expect(await sentOnSideband(sut, callId, 'session.close')).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it('warns aloud before the duration cap, then closes the session at it', async () => {
    const { id, browser, callId } = await connectedLiveBrowser(sut, 'alice', 'live_short');
    try {
      const ended = await sessionEnded(sut, id, 20_000);
      expect(ended.endReason).toBe('max_duration');
      const [warning] = await sentOnSideband(sut, callId, 'session.commentary.append');
      expect(warning.event).toMatchObject({
        delegation_id: null,
        content: expect.stringContaining('will end in 2 seconds'),
      });
      const inspected = await liveSessionEnded(sut, callId);
      expect(inspected.closed_reason).toBe('close_requested');
      expect((await browser.stream.next('session.closed')).reason).toBe('close_requested');
    } finally {
      await browser.close();
    }
  });

  it('ends a session nobody speaks in for its idle limit, on both APIs', async () => {
    const live = await connectedLiveBrowser(sut, 'alice', 'live_quiet');
    const client = await SessionClient.as(sut, 'alice');
    const { id } = await client.open({ agent: 'quiet' });
    const browser = new WeriftBrowser();
    try {
      await browser.accept(await (await client.sdp(id, await browser.offer())).text());
      for (const sessionId of [id, live.id]) {
        const ended = await sessionEnded(sut, sessionId);
        expect(ended.endReason).toBe('idle');
      }
      expect((await liveSessionEnded(sut, live.callId)).closed_reason).toBe('close_requested');
    } finally {
      await browser.close();
      await live.browser.close();
    }
  });
});
