import { fileURLToPath } from 'node:url';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { typeQuestion } from './support/grounding.js';
import { connectedBrowser, eventually, SessionClient } from './support/session-client.js';
import { SseReader } from './support/sse-reader.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

const SCENARIO = fileURLToPath(new URL('./fixtures/tool-scenario.json', import.meta.url));

describe('GET /v1/sessions/{id}/events: what a page learns of its own session', () => {
  let sut: TestApp;
  let admin: string;

  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        SWITCHBOARD_SIMULATOR_SCENARIO: SCENARIO,
        SWITCHBOARD_SESSION_EVENTS_POLL_MS: '50',
      },
    });
    ({ key: admin } = await sut.app.get(ApiKeysService).create('ops', ['admin'], 'system'));
  });
  afterAll(() => sut.close());

  const eventsUrl = (id: string) => `${sut.url}/v1/sessions/${id}/events`;

  it('streams the tool call and its outcome, then why the session ended, and closes', async () => {
    const { client, browser, id } = await connectedBrowser(sut, 'alice');
    const stream = await SseReader.open(eventsUrl(id), client.token);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      await stream.first((e) => e.event === 'state');
      typeQuestion(browser, 'Where is order 10042?');
      browser.send({ type: 'response.create' });
      const tool = await stream.first((e) => e.event === 'tool');
      expect(tool.data).toEqual({
        type: 'tool',
        tool: 'lookup_order',
        toolCallId: expect.any(String),
        outcome: 'executed',
      });
      // Only the named fields: no arguments, digests or actors.
      expect(JSON.stringify(stream.events)).not.toContain('orderNumber');
      const revoked = await fetch(`${sut.url}/v1/admin/sessions/${id}/revoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'operator test' }),
      });
      expect(revoked.status).toBe(200);
      const ended = await stream.first((e) => e.event === 'ended');
      expect(ended.data).toEqual({ type: 'ended', state: 'revoked', reason: 'operator test' });
      await eventually(async () => stream.ended);
      // Ids are the audit's seq numbers, increasing.
      const ids = stream.events.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      stream.close();
      await browser.close();
    }
  });

  it('resumes after Last-Event-ID with only what came after it', async () => {
    const { client, browser, id } = await connectedBrowser(sut, 'alice');
    try {
      typeQuestion(browser, 'Where is order 10042?');
      browser.send({ type: 'response.create' });
      const first = await SseReader.open(eventsUrl(id), client.token);
      const tool = await first.first((e) => e.event === 'tool');
      first.close();
      // The tool's answer is spoken before the next turn (one response at a time).
      await eventually(async () =>
        browser.stream.events.some(
          (e) =>
            e.type === 'response.output_audio_transcript.done' &&
            String(e.transcript).startsWith('Found'),
        ),
      );
      await eventually(
        async () => browser.stream.events.filter((e) => e.type === 'response.done').length >= 2,
      );
      typeQuestion(browser, 'bad args please');
      browser.send({ type: 'response.create' });
      const resumed = await SseReader.open(eventsUrl(id), client.token, {
        'last-event-id': tool.id!,
      });
      try {
        const refused = await resumed.first((e) => e.event === 'tool');
        expect(refused.data).toMatchObject({ outcome: 'refused', code: 'INVALID_TOOL_ARGUMENTS' });
        expect(resumed.events.every((e) => Number(e.id) > Number(tool.id))).toBe(true);
      } finally {
        resumed.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('shows an action waiting for approval, then its approval and execution', async () => {
    const { client, browser, id } = await connectedBrowser(sut, 'dave', ['agent']);
    const stream = await SseReader.open(eventsUrl(id), client.token);
    try {
      typeQuestion(browser, 'a big refund for the kettle');
      browser.send({ type: 'response.create' });
      const waiting = await stream.first((e) => e.event === 'tool');
      expect(waiting.data).toMatchObject({
        tool: 'issue_refund',
        outcome: 'pending_approval',
        actionId: expect.stringMatching(/^act_/),
      });
      const actionId = String(waiting.data.actionId);
      const { key: approver } = await sut.app
        .get(ApiKeysService)
        .create('approver', ['approver'], 'system');
      const detail = (await (
        await fetch(`${sut.url}/v1/admin/approvals/${actionId}`, {
          headers: { authorization: `Bearer ${approver}` },
        })
      ).json()) as { digest: string };
      const approved = await fetch(`${sut.url}/v1/admin/approvals/${actionId}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${approver}`, 'content-type': 'application/json' },
        body: JSON.stringify({ digest: detail.digest }),
      });
      expect(approved.status).toBe(200);
      const executed = await stream.first(
        (e) => e.event === 'approval' && e.data.status === 'executed',
        20_000,
      );
      expect(executed.data).toEqual({ type: 'approval', actionId, status: 'executed' });
      expect(
        stream.events.some((e) => e.event === 'approval' && e.data.status === 'approved'),
      ).toBe(true);
    } finally {
      stream.close();
      await browser.close();
    }
  });

  it('is the owner’s only: another user, another tenant or no token get nothing', async () => {
    const { id } = await (await SessionClient.as(sut, 'alice')).open();
    const other = await SessionClient.as(sut, 'bob');
    const foreign = await SessionClient.as(sut, 'alice', ['customer'], 'globex');
    const get = (token?: string) =>
      fetch(eventsUrl(id), token ? { headers: { authorization: `Bearer ${token}` } } : {});
    for (const token of [other.token, foreign.token]) {
      const res = await get(token);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    }
    expect((await get()).status).toBe(401);
    expect((await get(admin)).status).toBe(403);
  });

  it('answers 204 to a page resuming after the end: there is nothing more, do not reconnect', async () => {
    const { client, browser, id } = await connectedBrowser(sut, 'fran');
    const stream = await SseReader.open(eventsUrl(id), client.token);
    try {
      await stream.first((e) => e.event === 'state');
      await client.request(`/v1/sessions/${id}`, { method: 'DELETE' });
      const ended = await stream.first((e) => e.event === 'ended');
      const again = await fetch(eventsUrl(id), {
        headers: { authorization: `Bearer ${client.token}`, 'last-event-id': ended.id! },
      });
      expect(again.status).toBe(204);
      // From the start, an ended session's story is told in full and then the stream closes.
      const replay = await SseReader.open(eventsUrl(id), client.token);
      await eventually(async () => replay.ended);
      expect(replay.events.map((e) => e.event)).toEqual(['state', 'ended']);
    } finally {
      stream.close();
      await browser.close();
    }
  });

  it('a page that opens its stream after an approval was decided still sees the decision', async () => {
    const { client, browser, id } = await connectedBrowser(sut, 'erin', ['agent']);
    try {
      typeQuestion(browser, 'a big refund for the kettle');
      browser.send({ type: 'response.create' });
      const actionId = await eventually(async () => {
        const [row] = await sut.query<{ id: string }>(
          `SELECT id FROM pending_actions WHERE session_id = $1`,
          [id],
        );
        return row?.id;
      });
      const { key: approver } = await sut.app
        .get(ApiKeysService)
        .create('approver-late', ['approver'], 'system');
      const detail = (await (
        await fetch(`${sut.url}/v1/admin/approvals/${actionId}`, {
          headers: { authorization: `Bearer ${approver}` },
        })
      ).json()) as { digest: string };
      await fetch(`${sut.url}/v1/admin/approvals/${actionId}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${approver}`, 'content-type': 'application/json' },
        body: JSON.stringify({ digest: detail.digest }),
      });
      // Settled either way (an earlier test may have refunded most of the order already).
      const settled = async () =>
        (
          await sut.query<{ action: string }>(
            `SELECT action FROM audit_log WHERE subject = $1
             AND action IN ('action.executed', 'action.failed')`,
            [actionId],
          )
        )[0]?.action;
      const outcome = await eventually(settled, 20_000);
      const late = await SseReader.open(eventsUrl(id), client.token);
      try {
        const status = outcome === 'action.executed' ? 'executed' : 'failed';
        const seen = await late.first((e) => e.event === 'approval' && e.data.status === status);
        expect(seen.data).toEqual({ type: 'approval', actionId, status });
        expect(late.events.some((e) => e.data.status === 'approved')).toBe(true);
      } finally {
        late.close();
      }
    } finally {
      await browser.close();
    }
  });
});
