import { fileURLToPath } from 'node:url';

import { offeredFunctionTools } from '../src/modules/voice/index.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { CostlyToolModule, expensiveReports } from './support/costly-tool.module.js';
import type { RealtimeEvent } from './support/event-stream.js';
import {
  connectedBrowser,
  eventually,
  inspectSimCall,
  speakInCall,
  typeTurn,
} from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import type { WeriftBrowser } from './support/werift-browser.js';

const SCENARIO = fileURLToPath(new URL('./fixtures/tool-scenario.json', import.meta.url));

/** The reply the model spoke after the tool outputs arrived (the scenario's `afterTools`). */
async function replyAfterTools(browser: WeriftBrowser, prefix: string): Promise<string> {
  const done = await browser.stream.next('response.done', (e: RealtimeEvent) =>
    JSON.stringify(e).includes(prefix),
  );
  const output = (done.response as { output: { content: { transcript?: string }[] }[] }).output;
  return output[0].content[0].transcript ?? '';
}

/** Tool outputs the simulator received on the sideband for a call. */
async function outputsSent(sut: TestApp, callId: string) {
  const inspected = await inspectSimCall(sut, callId);
  return inspected.events
    .filter(
      (e) =>
        e.direction === 'in' &&
        e.event.type === 'conversation.item.create' &&
        (e.event.item as { type?: string }).type === 'function_call_output',
    )
    .map((e) => ({ via: e.via, ...(e.event.item as { call_id: string; output: string }) }));
}

async function auditOf(sut: TestApp, sessionId: string) {
  return sut.query<{ action: string; data: Record<string, unknown> }>(
    `SELECT action, data FROM audit_log WHERE subject = $1 ORDER BY seq`,
    [sessionId],
  );
}

describe('tool calls over the sideband', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        SWITCHBOARD_SIMULATOR_SCENARIO: SCENARIO,
        SWITCHBOARD_SESSIONS_PER_USER: '10',
      },
      imports: [CostlyToolModule],
    });
  });
  afterAll(() => sut.close());

  it('executes an allowed call and the model speaks its output', async () => {
    const { id, browser, callId } = await connectedBrowser(sut, 'alice');
    try {
      typeTurn(browser, 'Where is order 10042?');
      const reply = await replyAfterTools(browser, 'Found:');
      expect(reply).toContain('"status":"shipped"');
      expect(reply).toContain('"totalUsd":59.9');
      const sent = await outputsSent(sut, callId);
      expect(sent).toHaveLength(1);
      expect(sent[0].via).toBe('sideband');
      expect(JSON.parse(sent[0].output)).toMatchObject({ ok: true, result: { status: 'shipped' } });
      const executedEntry = (await auditOf(sut, id)).find((e) => e.action === 'tool.executed');
      expect(executedEntry?.data).toMatchObject({
        tool: 'lookup_order',
        source: 'sideband',
        input: { orderNumber: '10042' },
      });
      // Switchboard's own output is not mistaken for tampering.
      expect((await sut.app.get(SessionsService).getAny(id)).state).toBe('active');
    } finally {
      await browser.close();
    }
  });

  it('refuses a tool the role lacks, tells the model why, and audits it', async () => {
    const { id, browser, callId } = await connectedBrowser(sut, 'alice');
    try {
      typeTurn(browser, 'refund please');
      const reply = await replyAfterTools(browser, 'Refund:');
      expect(reply).toContain('TOOL_NOT_ALLOWED');
      const [sent] = await outputsSent(sut, callId);
      expect(JSON.parse(sent.output)).toMatchObject({
        ok: false,
        error: { code: 'TOOL_NOT_ALLOWED' },
      });
      const refused = (await auditOf(sut, id)).find((e) => e.action === 'tool.refused');
      expect(refused?.data).toMatchObject({ tool: 'issue_refund', code: 'TOOL_NOT_ALLOWED' });
      expect(await sut.query(`SELECT id FROM demo_refunds`)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('answers invalid arguments with field errors the model can act on', async () => {
    const { browser, callId } = await connectedBrowser(sut, 'alice');
    try {
      typeTurn(browser, 'bad args');
      await replyAfterTools(browser, 'Lookup:');
      const [sent] = await outputsSent(sut, callId);
      const output = JSON.parse(sent.output) as {
        error: { code: string; errors: { pointer: string }[] };
      };
      expect(output.error.code).toBe('INVALID_TOOL_ARGUMENTS');
      expect(output.error.errors.map((e) => e.pointer).sort()).toEqual(['/extra', '/orderNumber']);
    } finally {
      await browser.close();
    }
  });

  it('records the time Switchboard itself spent inside a spoken turn with a tool', async () => {
    const { id, browser, callId } = await connectedBrowser(sut, 'alice');
    try {
      await speakInCall(sut, callId, 'Where is order 10042?');
      await replyAfterTools(browser, 'Found:');
      const session = await eventually(async () => {
        const s = await sut.app.get(SessionsService).getAny(id);
        return s.turnOwnMs.length === 1 ? s : undefined;
      });
      expect(session.turnOwnMs[0]).toBeGreaterThan(0);
      expect(session.turnOwnMs[0]).toBeLessThanOrEqual(session.turnLatenciesMs[0]);
      const metrics = await (await fetch(`${sut.url}/metrics`)).text();
      expect(metrics).toMatch(
        /switchboard_turn_own_time_seconds_count\{agent="default",api="realtime"\} 1/,
      );
    } finally {
      await browser.close();
    }
  });

  it('withdraws costly tools near the budget and refuses them after', async () => {
    const { id, client, browser, callId } = await connectedBrowser(sut, 'alice');
    try {
      const session = await sut.app.get(SessionsService).getAny(id);
      const offered = offeredFunctionTools(session.config).map((t) => t.name);
      expect(offered).toContain('expensive_report');
      // 94 % of the 5 USD default session budget is spent; the next response crosses 90 %.
      await sut.query(`UPDATE sessions SET cost_usd = 4.7 WHERE id = $1`, [id]);
      typeTurn(browser, 'hello');
      await browser.stream.next('response.done');
      const updated = await eventually(async () => {
        const s = await sut.app.get(SessionsService).getAny(id);
        return s.costlyToolsDisabled ? s : undefined;
      });
      expect(offeredFunctionTools(updated.config).map((t) => t.name)).not.toContain(
        'expensive_report',
      );
      const inspected = await inspectSimCall(sut, callId);
      const withdrawn = inspected.events.find(
        (e) =>
          e.via === 'sideband' &&
          e.event.type === 'session.update' &&
          !JSON.stringify(e.event).includes('expensive_report'),
      );
      expect(withdrawn).toBeDefined();
      const before = expensiveReports.length;
      typeTurn(browser, 'expensive report please');
      const reply = await replyAfterTools(browser, 'Report:');
      expect(reply).toContain('TOOL_DISABLED_NEAR_BUDGET');
      expect(expensiveReports).toHaveLength(before);
      const relayed = await client.request(`/v1/sessions/${id}/tool-calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          callId: 'relay_1',
          name: 'expensive_report',
          arguments: '{"topic":"x"}',
        }),
      });
      expect(relayed.status).toBe(409);
      const actions = (await auditOf(sut, id)).map((e) => e.action);
      expect(actions).toContain('session.costly_tools_disabled');
    } finally {
      await browser.close();
    }
  });
});
