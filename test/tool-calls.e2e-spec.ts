import { createHash } from 'node:crypto';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { offeredFunctionTools } from '../src/modules/voice/index.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import {
  FIXTURE_ROLE,
  FixtureToolsModule,
  SLOW_TOOL_TIMEOUT_MS,
  SlowTool,
} from './support/fixture-tools.module.js';
import { readProblem } from './support/http.js';
import { connectedBrowser, SessionClient } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import type { WeriftBrowser } from './support/werift-browser.js';

/**
 * The governed tool pipeline through its HTTP relay (`POST /v1/sessions/{id}/tool-calls`), on
 * sessions made active by a real WebRTC "browser" through the built-in Realtime simulator.
 */

const ENV = {
  ...JWT_ENV,
  SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
  // Several live sessions per user (the default is 2): limits are per session and per user.
  SWITCHBOARD_SESSIONS_PER_USER: '10',
};

interface LiveSession {
  readonly client: SessionClient;
  readonly id: string;
  readonly browser: WeriftBrowser;
  readonly callId: string;
}

interface AuditRow {
  actor: string;
  action: string;
  data: Record<string, unknown> & { toolCallId?: string };
}

interface ToolCallBody {
  callId: string;
  actionId: string;
  status: string;
  replayed: boolean;
  output: Record<string, unknown>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const inOneDay = () => new Date(Date.now() + 86_400_000).toISOString();

let sut: TestApp;
const browsers: WeriftBrowser[] = [];
let nextCall = 0;
/** A fresh model call_id. */
const callIdOf = (label: string) => `call_${label}_${++nextCall}`;

/** A user's session, opened and connected through the simulator, so it is `active`. */
async function liveSession(user: string, roles: string[]): Promise<LiveSession> {
  const session = await connectedBrowser(sut, user, roles);
  browsers.push(session.browser);
  expect((await sut.app.get(SessionsService).getAny(session.id)).state).toBe('active');
  return session;
}

/** Relays a function call; `args` is sent verbatim when a string, else JSON-encoded. */
function relay(
  client: SessionClient,
  sessionId: string,
  callId: string,
  name: string,
  args: unknown,
): Promise<Response> {
  return client.request(`/v1/sessions/${sessionId}/tool-calls`, {
    method: 'POST',
    body: JSON.stringify({
      callId,
      name,
      arguments: typeof args === 'string' ? args : JSON.stringify(args),
    }),
  });
}

async function auditOf(sessionId: string, toolCallId?: string): Promise<AuditRow[]> {
  const rows = await sut.query<AuditRow>(
    `SELECT actor, action, data FROM audit_log WHERE subject = $1 ORDER BY seq`,
    [sessionId],
  );
  return toolCallId === undefined ? rows : rows.filter((r) => r.data.toolCallId === toolCallId);
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await sut.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row.n;
}

beforeAll(async () => {
  sut = await startTestApp({ env: ENV, imports: [FixtureToolsModule] });
});

afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await sut?.close();
});

describe('tool calls: a customer relays calls on an active session', () => {
  let alice: LiveSession;
  beforeAll(async () => {
    alice = await liveSession('alice', ['customer']);
  });

  it('executes an allowed call, answers with its output and audits tool.executed', async () => {
    const callId = callIdOf('lookup');
    const res = await relay(alice.client, alice.id, callId, 'lookup_order', {
      orderNumber: '10042',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ToolCallBody;
    expect(body).toEqual({
      callId,
      actionId: expect.stringMatching(/^tc_/),
      status: 'succeeded',
      replayed: false,
      output: {
        ok: true,
        result: {
          orderNumber: '10042',
          status: 'shipped',
          totalUsd: 59.9,
          refundedUsd: 0,
          placedAt: '2026-11-18T10:00:00.000Z',
          items: [{ name: 'Enamel mug', qty: 2 }],
        },
      },
    });

    const entries = await auditOf(alice.id, callId);
    expect(entries).toEqual([
      {
        actor: 'user:alice',
        action: 'tool.executed',
        data: {
          tool: 'lookup_order',
          toolCallId: callId,
          source: 'relay',
          actionId: body.actionId,
          input: { orderNumber: '10042' },
          durationMs: expect.any(Number),
          outputDigest: sha256(JSON.stringify(body.output)),
        },
      },
    ]);
    const durationMs = entries[0].data.durationMs as number;
    expect(durationMs).toBeGreaterThanOrEqual(0);
    expect(durationMs).toBeLessThan(3_000);
    const [row] = await sut.query<{ id: string; status: string; tool: string; user_id: string }>(
      `SELECT id, status, tool, user_id FROM tool_calls WHERE session_id = $1 AND tool_call_id = $2`,
      [alice.id, callId],
    );
    // The action id is the call's record: what POST /v1/admin/actions/{id}/rollback takes.
    expect(row).toEqual({
      id: body.actionId,
      status: 'succeeded',
      tool: 'lookup_order',
      user_id: 'alice',
    });
  });

  it("scopes the tool to the caller's own orders: bob's order is ORDER_NOT_FOUND, audited tool.failed", async () => {
    const callId = callIdOf('scope');
    const res = await relay(alice.client, alice.id, callId, 'lookup_order', {
      orderNumber: '20001',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await readProblem(res);
    expect(problem).toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND' });
    // Nothing of bob's order leaks into what the page (and the model) is told.
    expect(JSON.stringify(problem)).not.toMatch(/delivered|Burr grinder|120/);
    expect(await auditOf(alice.id, callId)).toEqual([
      {
        actor: 'user:alice',
        action: 'tool.failed',
        data: expect.objectContaining({
          tool: 'lookup_order',
          code: 'ORDER_NOT_FOUND',
          durationMs: expect.any(Number),
          input: { orderNumber: '20001' },
        }),
      },
    ]);
  });

  it('refuses a tool the role lacks (403 TOOL_NOT_ALLOWED), audits it, and moves no money', async () => {
    const callId = callIdOf('refund');
    const res = await relay(alice.client, alice.id, callId, 'issue_refund', {
      orderNumber: '10042',
      amount: 10,
      reason: 'broken mug',
    });
    expect(res.status).toBe(403);
    expect(await readProblem(res)).toMatchObject({ status: 403, code: 'TOOL_NOT_ALLOWED' });
    expect(await auditOf(alice.id, callId)).toEqual([
      {
        actor: 'user:alice',
        action: 'tool.refused',
        data: expect.objectContaining({ tool: 'issue_refund', code: 'TOOL_NOT_ALLOWED' }),
      },
    ]);
    expect(await count(`demo_refunds WHERE created_by = 'alice'`)).toBe(0);
    expect(await count(`tool_calls WHERE tool_call_id = $1`, [callId])).toBe(0);
  });

  it('answers an unknown tool with 404 UNKNOWN_TOOL and suggests the closest name', async () => {
    const callId = callIdOf('typo');
    const res = await relay(alice.client, alice.id, callId, 'lookup_ordr', {
      orderNumber: '10042',
    });
    expect(res.status).toBe(404);
    const problem = await readProblem(res);
    expect(problem).toMatchObject({ code: 'UNKNOWN_TOOL', suggestion: 'lookup_order' });
    expect(problem.detail).toContain('"lookup_order"');
    expect(await auditOf(alice.id, callId)).toEqual([
      {
        actor: 'user:alice',
        action: 'tool.refused',
        data: expect.objectContaining({ tool: 'lookup_ordr', code: 'UNKNOWN_TOOL' }),
      },
    ]);
  });

  const ORDER_CASES: [string, string, string[]][] = [
    ['a number where a string belongs', '{"orderNumber":10042}', ['/orderNumber']],
    ['a missing field', '{}', ['/orderNumber']],
    ['an extra field', '{"orderNumber":"10042","discount":100}', ['/discount']],
    [
      'a string over 16 KiB',
      JSON.stringify({ orderNumber: '1'.repeat(17 * 1024) }),
      [''], // refused on size, before parsing
    ],
    ['text that is not JSON', 'orderNumber=10042', ['']],
    ['a JSON array', '["10042"]', ['']],
    ['a __proto__ key', '{"__proto__":{"x":1},"orderNumber":"10042"}', ['/__proto__']],
    ['a constructor.prototype key', '{"constructor":{"prototype":{"x":1}}}', ['/constructor']],
  ];

  it.each(ORDER_CASES)(
    'refuses lookup_order with %s: 422 INVALID_TOOL_ARGUMENTS, never executed',
    async (_label, args, pointers) => {
      const callId = callIdOf('badargs');
      const res = await relay(alice.client, alice.id, callId, 'lookup_order', args);
      expect(res.status).toBe(422);
      const problem = await readProblem(res);
      expect(problem.code).toBe('INVALID_TOOL_ARGUMENTS');
      expect(problem.errors?.length).toBeGreaterThan(0);
      expect([...new Set(problem.errors!.map((e) => e.pointer))].sort()).toEqual(pointers);
      for (const error of problem.errors!) expect(error.detail).toEqual(expect.any(String));
      // Not executed: never claimed, and audited only as a refusal (with the size, not the text).
      expect(await count(`tool_calls WHERE tool_call_id = $1`, [callId])).toBe(0);
      expect(await auditOf(alice.id, callId)).toEqual([
        {
          actor: 'user:alice',
          action: 'tool.refused',
          data: {
            tool: 'lookup_order',
            toolCallId: callId,
            source: 'relay',
            code: 'INVALID_TOOL_ARGUMENTS',
            argumentsBytes: Buffer.byteLength(args),
          },
        },
      ]);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );

  const valid = () => ({
    when: inOneDay(),
    contact: { phone: '+14155550123' },
    topics: ['billing'],
  });
  const CALLBACK_CASES: [string, () => unknown, string[]][] = [
    [
      'wrong types and formats',
      () => ({ when: 'tomorrow at 3', contact: { phone: 4155550123 }, topics: 'billing' }),
      ['/contact/phone', '/topics', '/when'],
    ],
    ['a missing nested object', () => ({ ...valid(), contact: undefined }), ['/contact']],
    [
      'an extra nested field',
      () => ({ ...valid(), contact: { phone: '+14155550123', extension: '12' } }),
      ['/contact/extension'],
    ],
    [
      'topics outside the enum, duplicated',
      () => ({ ...valid(), topics: ['pizza', 'pizza'] }),
      ['/topics'],
    ],
    [
      'a nested __proto__ key',
      () =>
        `{"when":"${inOneDay()}","contact":{"phone":"+14155550123","__proto__":{"polluted":true}},"topics":["billing"]}`,
      ['/contact/__proto__'],
    ],
    [
      'a nested constructor.prototype key',
      () =>
        `{"when":"${inOneDay()}","contact":{"phone":"+14155550123","constructor":{"prototype":{"polluted":true}}},"topics":["billing"]}`,
      ['/contact/constructor'],
    ],
  ];

  it.each(CALLBACK_CASES)(
    'refuses schedule_callback with %s: 422 with pointers, no callback written',
    async (_label, args, pointers) => {
      const callId = callIdOf('badcallback');
      const res = await relay(alice.client, alice.id, callId, 'schedule_callback', args());
      expect(res.status).toBe(422);
      const problem = await readProblem(res);
      expect(problem.code).toBe('INVALID_TOOL_ARGUMENTS');
      expect([...new Set(problem.errors!.map((e) => e.pointer))].sort()).toEqual(pointers);
      expect(await count(`demo_callbacks WHERE user_id = 'alice'`)).toBe(0);
      expect(await count(`tool_calls WHERE tool_call_id = $1`, [callId])).toBe(0);
      expect((await auditOf(alice.id, callId)).map((r) => [r.action, r.data.code])).toEqual([
        ['tool.refused', 'INVALID_TOOL_ARGUMENTS'],
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('answers a retry of a failed call like the first answer, without running it again', async () => {
    const callId = callIdOf('retry');
    const args = { orderNumber: '20001' };
    const first = await relay(alice.client, alice.id, callId, 'lookup_order', args);
    expect(first.status).toBe(404);
    const retry = await relay(alice.client, alice.id, callId, 'lookup_order', args);
    // The relay contract: a failure is problem+json with its code, whether fresh or replayed.
    expect(retry.status).toBe(404);
    expect(await readProblem(retry)).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect((await auditOf(alice.id, callId)).map((r) => r.action)).toEqual(['tool.failed']);
  });

  it('refuses deeply nested arguments under 16 KiB with 422, audited, not a 500', async () => {
    const callId = callIdOf('deep');
    const depth = 2_000; // 4 KB of brackets
    const args = `{"orderNumber":"10042","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(Buffer.byteLength(args)).toBeLessThan(16 * 1024);
    const res = await relay(alice.client, alice.id, callId, 'lookup_order', args);
    expect(res.status).toBe(422);
    expect(await readProblem(res)).toMatchObject({ code: 'INVALID_TOOL_ARGUMENTS' });
    expect((await auditOf(alice.id, callId)).map((r) => [r.action, r.data.code])).toEqual([
      ['tool.refused', 'INVALID_TOOL_ARGUMENTS'],
    ]);
  });

  it("answers another user's session id with 404 SESSION_NOT_FOUND and runs nothing", async () => {
    const before = await auditOf(alice.id);
    const bob = await SessionClient.as(sut, 'bob', ['customer']);
    // Same user id in another tenant is another user too.
    const otherTenantAlice = await SessionClient.as(sut, 'alice', ['customer'], 'globex');
    for (const client of [bob, otherTenantAlice]) {
      const callId = callIdOf('foreign');
      const res = await relay(client, alice.id, callId, 'lookup_order', { orderNumber: '10042' });
      expect(res.status).toBe(404);
      expect(await readProblem(res)).toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await count(`tool_calls WHERE tool_call_id = $1`, [callId])).toBe(0);
    }
    expect(await auditOf(alice.id)).toEqual(before);
  });
});

describe('tool calls: idempotency on (session, call_id)', () => {
  it('runs 20 concurrent identical relays once; the other 19 are replays of the same output', async () => {
    const frank = await liveSession('frank', ['customer']);
    const callId = callIdOf('idem');
    const args = { when: inOneDay(), contact: { phone: '+14155550123' }, topics: ['billing'] };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        relay(frank.client, frank.id, callId, 'schedule_callback', args),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as ToolCallBody[];
    const first = bodies.find((b) => !b.replayed)!;
    expect(first).toMatchObject({
      callId,
      status: 'succeeded',
      output: {
        ok: true,
        result: { callbackId: expect.stringMatching(/^cb_/), at: expect.any(String) },
      },
    });
    for (const body of bodies) expect(body).toEqual({ ...first, replayed: body.replayed });
    expect(bodies.filter((b) => b.replayed)).toHaveLength(19);

    expect(await count(`demo_callbacks WHERE user_id = 'frank'`)).toBe(1);
    expect(await count(`tool_calls WHERE session_id = $1`, [frank.id])).toBe(1);
    const audited = await auditOf(frank.id, callId);
    expect(audited.map((r) => r.action)).toEqual(['tool.executed']);
    // The phone number is redacted from the audit trail.
    expect(audited[0].data.input).toMatchObject({ contact: { phone: '[redacted]' } });
    expect(JSON.stringify(audited)).not.toContain('4155550123');

    // A retry with the same arguments in another key order is the same call (canonical digest).
    const reordered = await relay(frank.client, frank.id, callId, 'schedule_callback', {
      topics: args.topics,
      contact: args.contact,
      when: args.when,
    });
    expect(reordered.status).toBe(200);
    expect(await reordered.json()).toEqual({ ...first, replayed: true });

    // The same call_id with other arguments, or for another tool, is refused.
    const changed = await relay(frank.client, frank.id, callId, 'schedule_callback', {
      ...args,
      topics: ['returns'],
    });
    expect(changed.status).toBe(409);
    expect(await readProblem(changed)).toMatchObject({ code: 'TOOL_CALL_ID_REUSED' });
    const otherTool = await relay(frank.client, frank.id, callId, 'lookup_order', {
      orderNumber: '10042',
    });
    expect(otherTool.status).toBe(409);
    expect(await readProblem(otherTool)).toMatchObject({ code: 'TOOL_CALL_ID_REUSED' });

    expect(await count(`demo_callbacks WHERE user_id = 'frank'`)).toBe(1);
    expect((await auditOf(frank.id, callId)).map((r) => [r.action, r.data.code])).toEqual([
      ['tool.executed', undefined],
      ['tool.refused', 'TOOL_CALL_ID_REUSED'],
      ['tool.refused', 'TOOL_CALL_ID_REUSED'],
    ]);
  });
});

describe('tool calls: rate limits', () => {
  const callback = () => ({
    when: inOneDay(),
    contact: { phone: '+14155550123' },
    topics: ['delivery'],
  });

  it('lets schedule_callback run 3 times per session, then answers 429 with Retry-After', async () => {
    const gina = await liveSession('gina', ['customer']);
    const ids = [1, 2, 3].map(() => callIdOf('limit'));
    const firstArgs = callback();
    for (const [index, callId] of ids.entries()) {
      const res = await relay(
        gina.client,
        gina.id,
        callId,
        'schedule_callback',
        index === 0 ? firstArgs : callback(),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'succeeded', replayed: false });
    }
    const fourth = callIdOf('limit');
    const refused = await relay(gina.client, gina.id, fourth, 'schedule_callback', callback());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(await readProblem(refused)).toMatchObject({
      code: 'TOOL_RATE_LIMITED',
      scope: 'session',
      limit: 3,
      windowSeconds: 3600,
    });
    expect((await auditOf(gina.id, fourth)).map((r) => [r.action, r.data.code])).toEqual([
      ['tool.refused', 'TOOL_RATE_LIMITED'],
    ]);
    expect(await count(`demo_callbacks WHERE user_id = 'gina'`)).toBe(3);

    // A retry of a recorded call is answered from the record and is not counted.
    const retry = await relay(gina.client, gina.id, ids[0], 'schedule_callback', firstArgs);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ status: 'succeeded', replayed: true });
  });

  it('holds the limit when distinct calls arrive at the same time', async () => {
    const ivan = await liveSession('ivan', ['customer']);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        relay(ivan.client, ivan.id, callIdOf('burst'), 'schedule_callback', callback()),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429, 429]);
    expect(await count(`demo_callbacks WHERE user_id = 'ivan'`)).toBe(3);
  });
});

describe('tool calls: sessions that are not active', () => {
  it('refuses a call on a session its owner ended (409 SESSION_NOT_ACTIVE), audited', async () => {
    const hana = await liveSession('hana', ['customer']);
    const ended = await hana.client.request(`/v1/sessions/${hana.id}`, { method: 'DELETE' });
    expect(ended.status).toBe(200);
    const callId = callIdOf('ended');
    const res = await relay(hana.client, hana.id, callId, 'lookup_order', { orderNumber: '10042' });
    expect(res.status).toBe(409);
    expect(await readProblem(res)).toMatchObject({ code: 'SESSION_NOT_ACTIVE', state: 'ended' });
    expect(await auditOf(hana.id, callId)).toEqual([
      {
        actor: 'user:hana',
        action: 'tool.refused',
        data: expect.objectContaining({ tool: 'lookup_order', code: 'SESSION_NOT_ACTIVE' }),
      },
    ]);
    expect(await count(`tool_calls WHERE session_id = $1`, [hana.id])).toBe(0);
  });

  it('refuses a call on a session an admin revoked', async () => {
    const { key } = await sut.app.get(ApiKeysService).create('revoker', ['admin'], 'system');
    const jack = await liveSession('jack', ['customer']);
    const revoked = await fetch(`${sut.url}/v1/admin/sessions/${jack.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'abuse' }),
    });
    expect(revoked.status).toBe(200);
    const callId = callIdOf('revoked');
    const res = await relay(jack.client, jack.id, callId, 'schedule_callback', {
      when: inOneDay(),
      contact: { phone: '+14155550123' },
      topics: ['other'],
    });
    expect(res.status).toBe(409);
    expect(await readProblem(res)).toMatchObject({ code: 'SESSION_NOT_ACTIVE', state: 'revoked' });
    expect((await auditOf(jack.id, callId)).map((r) => [r.action, r.data.code])).toEqual([
      ['tool.refused', 'SESSION_NOT_ACTIVE'],
    ]);
    expect(await count(`demo_callbacks WHERE user_id = 'jack'`)).toBe(0);
  });

  it('refuses a call on a session that was opened but never connected', async () => {
    const kim = await SessionClient.as(sut, 'kim', ['customer']);
    const { id } = await kim.open();
    const res = await relay(kim, id, callIdOf('created'), 'lookup_order', {
      orderNumber: '10042',
    });
    expect(res.status).toBe(409);
    expect(await readProblem(res)).toMatchObject({ code: 'SESSION_NOT_ACTIVE', state: 'created' });
  });
});

describe('tool calls: timeout', () => {
  it('aborts a tool past its timeoutMs: 504 TOOL_TIMEOUT quickly, and the tool saw its signal abort', async () => {
    const tim = await liveSession('tim', ['customer', FIXTURE_ROLE]);
    const offered = offeredFunctionTools(
      (await sut.app.get(SessionsService).getAny(tim.id)).config,
    );
    expect(offered.map((t) => t.name)).toContain('slow_tool');
    const slow = sut.app.get(SlowTool);
    const callId = callIdOf('slow');
    const started = performance.now();
    const res = await relay(tim.client, tim.id, callId, 'slow_tool', { topic: 'anything' });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(504);
    expect(await readProblem(res)).toMatchObject({ code: 'TOOL_TIMEOUT' });
    expect(elapsed).toBeGreaterThanOrEqual(SLOW_TOOL_TIMEOUT_MS);
    expect(elapsed).toBeLessThan(1_500);
    const run = slow.runs.find((r) => r.toolCallId === callId);
    expect(run).toMatchObject({ signalAborted: true, abortReason: 'ToolTimedOut' });
    expect(run!.abortedAt! - run!.startedAt).toBeGreaterThanOrEqual(SLOW_TOOL_TIMEOUT_MS - 5);
    expect(await auditOf(tim.id, callId)).toEqual([
      {
        actor: 'user:tim',
        action: 'tool.failed',
        data: expect.objectContaining({ tool: 'slow_tool', code: 'TOOL_TIMEOUT' }),
      },
    ]);
  });

  it('does not offer or run the fixture tool for roles it does not name', async () => {
    const lena = await liveSession('lena', ['customer']);
    const offered = offeredFunctionTools(
      (await sut.app.get(SessionsService).getAny(lena.id)).config,
    );
    expect(offered.map((t) => t.name)).toEqual([
      'lookup_order',
      'schedule_callback',
      'search_knowledge',
    ]);
    const runs = sut.app.get(SlowTool).runs.length;
    const res = await relay(lena.client, lena.id, callIdOf('slow'), 'slow_tool', { topic: 'x' });
    expect(res.status).toBe(403);
    expect(await readProblem(res)).toMatchObject({ code: 'TOOL_NOT_ALLOWED' });
    expect(sut.app.get(SlowTool).runs).toHaveLength(runs);
  });
});

describe('tool calls: refunds by an agent (approval above the threshold)', () => {
  let dave: LiveSession;
  beforeAll(async () => {
    dave = await liveSession('dave', ['agent']);
  });

  const refundsOf = (order: string) =>
    sut.query<{ amount_usd: string; created_by: string; reason: string }>(
      `SELECT amount_usd, created_by, reason FROM demo_refunds WHERE order_number = $1 ORDER BY created_at`,
      [order],
    );

  it('queues a refund above 100 for approval, answers with an interim result, and writes nothing yet', async () => {
    const callId = callIdOf('bigrefund');
    const res = await relay(dave.client, dave.id, callId, 'issue_refund', {
      orderNumber: '10043',
      amount: 150,
      reason: 'kettle arrived dented',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      output: { actionId: string; message: string };
    };
    expect(body.status).toBe('pending_approval');
    expect(body.output.actionId).toMatch(/^act_/);
    // The relay answer names the action to roll back by, for a parked call too.
    expect((body as { actionId?: string }).actionId).toBe(body.output.actionId);
    expect(body.output.message).toMatch(/approval/);
    expect(await refundsOf('10043')).toEqual([]);
    expect((await auditOf(dave.id, callId)).map((r) => r.action)).toEqual([
      'tool.approval_requested',
    ]);
    const [action] = await sut.query<{ status: string; tool: string }>(
      `SELECT status, tool FROM pending_actions WHERE id = $1`,
      [body.output.actionId],
    );
    expect(action).toEqual({ status: 'pending', tool: 'issue_refund' });
  });

  it('executes a refund of 20 once, and refuses one larger than what is left', async () => {
    const callId = callIdOf('refund');
    const res = await relay(dave.client, dave.id, callId, 'issue_refund', {
      orderNumber: '10043',
      amount: 20,
      reason: 'late delivery',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      callId,
      actionId: expect.stringMatching(/^tc_/),
      status: 'succeeded',
      replayed: false,
      output: {
        ok: true,
        result: { refundId: expect.stringMatching(/^ref_/), orderNumber: '10043', amountUsd: 20 },
      },
    });
    expect(await refundsOf('10043')).toEqual([
      { amount_usd: '20.00', created_by: 'dave', reason: 'late delivery' },
    ]);
    expect((await auditOf(dave.id, callId)).map((r) => r.action)).toEqual(['tool.executed']);

    // 59.90 on order 10042: refund 50, then 10 is more than the 9.90 left.
    const partial = await relay(dave.client, dave.id, callIdOf('refund'), 'issue_refund', {
      orderNumber: '10042',
      amount: 50,
      reason: 'one mug chipped',
    });
    expect(partial.status).toBe(200);
    const tooMuch = callIdOf('refund');
    const exceeded = await relay(dave.client, dave.id, tooMuch, 'issue_refund', {
      orderNumber: '10042',
      amount: 10,
      reason: 'the other mug',
    });
    expect(exceeded.status).toBe(409);
    const problem = await readProblem(exceeded);
    expect(problem).toMatchObject({ code: 'REFUND_EXCEEDS_ORDER' });
    expect(problem.detail).toContain('9.90');
    expect(problem.refundableUsd as number).toBeCloseTo(9.9, 9);
    expect((await refundsOf('10042')).map((r) => r.amount_usd)).toEqual(['50.00']);
    expect((await auditOf(dave.id, tooMuch)).map((r) => [r.action, r.data.code])).toEqual([
      ['tool.failed', 'REFUND_EXCEEDS_ORDER'],
    ]);
  });
});

describe('tool calls: an agent changes a customer email', () => {
  it('stays within the tenant, and redacts the address from the audit log', async () => {
    const dave = await liveSession('dave', ['agent']);
    const foreign = callIdOf('email');
    const refused = await relay(dave.client, dave.id, foreign, 'update_customer_email', {
      customerId: 'cus_carol',
      email: 'mallory@example.net',
    });
    expect(refused.status).toBe(404);
    expect(await readProblem(refused)).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    const [carol] = await sut.query<{ email: string }>(
      `SELECT email FROM demo_customers WHERE id = 'cus_carol'`,
    );
    expect(carol.email).toBe('carol@example.org');

    const callId = callIdOf('email');
    const res = await relay(dave.client, dave.id, callId, 'update_customer_email', {
      customerId: 'cus_bob',
      email: 'bob.baker@example.com',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'succeeded',
      output: {
        ok: true,
        result: {
          customerId: 'cus_bob',
          previousEmail: 'bob@example.com',
          email: 'bob.baker@example.com',
        },
      },
    });
    const audited = await auditOf(dave.id, callId);
    expect(audited.map((r) => r.action)).toEqual(['tool.executed']);
    expect(audited[0].data.input).toEqual({ customerId: 'cus_bob', email: '[redacted]' });
    expect(JSON.stringify(await auditOf(dave.id))).not.toContain('bob.baker@');
  });
});

describe('tool listings', () => {
  type Listed = { name: string; parameters: Record<string, unknown> };

  /** The demo shop's four tools and the built-in search_knowledge, which the demo grants both roles. */
  const DEMO_TOOLS = [
    'issue_refund',
    'lookup_order',
    'schedule_callback',
    'search_knowledge',
    'update_customer_email',
  ];

  it('GET /v1/tools lists exactly what a customer may call, with closed JSON schemas', async () => {
    const alice = await SessionClient.as(sut, 'alice', ['customer']);
    const res = await alice.request('/v1/tools');
    expect(res.status).toBe(200);
    const tools = (await res.json()) as Listed[];
    expect(tools.map((t) => t.name)).toEqual([
      'lookup_order',
      'schedule_callback',
      'search_knowledge',
    ]);
    for (const tool of tools)
      expect(tool.parameters).toMatchObject({ type: 'object', additionalProperties: false });
    expect(tools[0].parameters).toMatchObject({
      properties: { orderNumber: { type: 'string' } },
      required: ['orderNumber'],
    });
    // The nested contact object is inlined (no $ref) and closed too.
    const callback = tools[1].parameters as { properties: Record<string, unknown> };
    expect(JSON.stringify(callback)).not.toContain('$ref');
    expect(callback.properties.contact).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { phone: { type: 'string' } },
    });
  });

  it('GET /v1/tools lists every demo tool for an agent', async () => {
    const dave = await SessionClient.as(sut, 'dave', ['agent']);
    const tools = (await (await dave.request('/v1/tools')).json()) as Listed[];
    expect(tools.map((t) => t.name)).toEqual(DEMO_TOOLS);
    for (const tool of tools)
      expect(tool.parameters).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('GET /v1/admin/tools needs an operator key, then shows every tool with its policies', async () => {
    const anonymous = await fetch(`${sut.url}/v1/admin/tools`);
    expect(anonymous.status).toBe(401);
    expect(await readProblem(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const user = await (await SessionClient.as(sut, 'dave', ['agent'])).request('/v1/admin/tools');
    expect([401, 403]).toContain(user.status);

    const { key } = await sut.app.get(ApiKeysService).create('admin', ['admin'], 'system');
    const res = await fetch(`${sut.url}/v1/admin/tools`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    const tools = (await res.json()) as (Listed & Record<string, unknown>)[];
    expect(tools.map((t) => t.name)).toEqual([...DEMO_TOOLS, 'slow_tool'].sort());
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.issue_refund).toMatchObject({
      roles: ['agent'],
      approval: {
        required: 'conditional',
        approverRoles: ['approver'],
        approvers: 1,
        expiresInSeconds: 900,
        onTimeout: 'reject',
        escalateTo: [],
      },
      reversibility: 'compensable',
      rateLimit: { perUser: { limit: 10, windowSeconds: 3600 } },
      redact: [],
      idempotent: true,
    });
    expect(byName.lookup_order).toMatchObject({
      roles: ['agent', 'customer'],
      approval: null,
      reversibility: 'irreversible',
      timeoutMs: 3000,
      rateLimit: { perSession: { limit: 30, windowSeconds: 60 } },
      redact: [],
    });
    expect(byName.schedule_callback).toMatchObject({
      roles: ['agent', 'customer'],
      approval: null,
      reversibility: 'reversible',
      redact: ['contact.phone'],
      rateLimit: { perSession: { limit: 3, windowSeconds: 3600 } },
    });
    expect(byName.update_customer_email).toMatchObject({
      roles: ['agent'],
      approval: null,
      reversibility: 'compensable',
      redact: ['email'],
    });
    expect(byName.slow_tool).toMatchObject({
      roles: [FIXTURE_ROLE],
      timeoutMs: SLOW_TOOL_TIMEOUT_MS,
      approval: null,
    });
    for (const tool of tools)
      expect(tool.parameters).toMatchObject({ type: 'object', additionalProperties: false });
  });
});
