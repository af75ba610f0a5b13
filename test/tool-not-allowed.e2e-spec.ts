import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { RealtimeEvent } from './support/event-stream.js';
import { readProblem } from './support/http.js';
import { liveSessionOf, type LiveSessionOf } from './support/live-session.js';
import { inspectSimCall } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

/**
 * `TOOL_NOT_ALLOWED` says why: the caller's roles (`reason: "role"`), or the session's agent
 * profile, which leaves the tool out (`reason: "agent_profile"`). A relaying page reads it in the
 * problem document, the model in its function_call_output.
 */

const SCENARIO = fileURLToPath(new URL('./fixtures/tool-refusal-scenario.json', import.meta.url));

let dir: string;
let sut: TestApp;
let session: LiveSessionOf;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agents-'));
  const profiles = join(dir, 'profiles.json');
  // Offers only lookups: a customer's role allows schedule_callback, this agent does not.
  writeFileSync(
    profiles,
    JSON.stringify({
      lookups: {
        model: 'gpt-realtime',
        voice: 'marin',
        instructions: 'You look up orders, nothing else.',
        turnDetection: null,
        tools: ['lookup_order'],
      },
    }),
  );
  sut = await startTestApp({
    env: {
      ...JWT_ENV,
      SWITCHBOARD_AGENT_PROFILES_FILE: profiles,
      SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
      SWITCHBOARD_SIMULATOR_SCENARIO: SCENARIO,
    },
  });
  const token = await userToken({ sub: 'alice', tenant: 'acme', roles: ['customer'] });
  session = await liveSessionOf(sut, token, { agent: 'lookups' });
});

afterAll(async () => {
  await session?.browser.close();
  await sut?.close();
  rmSync(dir, { recursive: true, force: true });
});

function relay(callId: string, name: string, args: Record<string, unknown>) {
  return fetch(`${sut.url}/v1/sessions/${session.id}/tool-calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ callId, name, arguments: JSON.stringify(args) }),
  });
}

/** The user types a turn; the scenario makes the model call a tool the session does not offer. */
async function modelOutputFor(text: string, prefix: string) {
  session.browser.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
  });
  session.browser.send({ type: 'response.create' });
  await session.browser.stream.next('response.done', (e: RealtimeEvent) =>
    JSON.stringify(e).includes(prefix),
  );
  const { events } = await inspectSimCall(sut, session.callId);
  const outputs = events
    .filter(
      (e) =>
        e.direction === 'in' &&
        e.event.type === 'conversation.item.create' &&
        (e.event.item as { type?: string }).type === 'function_call_output',
    )
    .map((e) => JSON.parse((e.event.item as { output: string }).output) as Record<string, unknown>);
  return outputs.at(-1);
}

describe('TOOL_NOT_ALLOWED reasons', () => {
  it('a tool the roles allow but the agent profile leaves out: reason agent_profile, in the problem document', async () => {
    const res = await relay('call_cb_1', 'schedule_callback', {
      when: '2099-01-01T10:00:00.000Z',
      contact: { phone: '+14155550123' },
    });
    expect(res.status).toBe(403);
    const problem = await readProblem(res);
    expect(problem).toMatchObject({ code: 'TOOL_NOT_ALLOWED', reason: 'agent_profile' });
    expect(problem.detail).toBe(
      'The agent "lookups" does not offer the tool "schedule_callback" in this session.',
    );
    expect(problem.detail).not.toMatch(/roles/);
  });

  it('a tool the roles do not allow: reason role, in the problem document', async () => {
    const res = await relay('call_refund_1', 'issue_refund', {
      orderNumber: '10042',
      amount: 5,
      reason: 'broken mug',
    });
    expect(res.status).toBe(403);
    expect(await readProblem(res)).toMatchObject({
      code: 'TOOL_NOT_ALLOWED',
      reason: 'role',
      detail: 'Your roles do not allow the tool "issue_refund".',
    });
  });

  it('tells the model the same reasons in its function_call_output', async () => {
    expect(await modelOutputFor('callback please', 'Callback:')).toEqual({
      ok: false,
      error: {
        code: 'TOOL_NOT_ALLOWED',
        reason: 'agent_profile',
        message: 'The agent "lookups" does not offer the tool "schedule_callback" in this session.',
      },
    });
    expect(await modelOutputFor('refund please', 'Refund:')).toEqual({
      ok: false,
      error: {
        code: 'TOOL_NOT_ALLOWED',
        reason: 'role',
        message: 'Your roles do not allow the tool "issue_refund".',
      },
    });
    const refused = await sut.query<{ data: { tool: string; code: string } }>(
      `SELECT data FROM audit_log WHERE subject = $1 AND action = 'tool.refused' ORDER BY seq`,
      [session.id],
    );
    expect(refused.map((r) => [r.data.tool, r.data.code])).toEqual([
      ['schedule_callback', 'TOOL_NOT_ALLOWED'],
      ['issue_refund', 'TOOL_NOT_ALLOWED'],
      ['schedule_callback', 'TOOL_NOT_ALLOWED'],
      ['issue_refund', 'TOOL_NOT_ALLOWED'],
    ]);
  });
});
