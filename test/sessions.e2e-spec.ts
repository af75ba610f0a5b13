import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { readProblem } from './support/http.js';
import {
  eventually,
  inspectSimCall,
  SessionClient,
  simulatorOf,
} from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import { WeriftBrowser } from './support/werift-browser.js';

const ENV = {
  ...JWT_ENV,
  SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
  SWITCHBOARD_SESSIONS_PER_USER: '2',
};

describe('sessions: proxy mode with a werift browser', () => {
  let sut: TestApp;
  let alice: SessionClient;
  let browser: WeriftBrowser;
  let sessionId: string;
  let callId: string;

  beforeAll(async () => {
    sut = await startTestApp({ env: ENV });
    alice = await SessionClient.as(sut, 'alice', ['customer']);
    browser = new WeriftBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await sut.close();
  });

  it('opens a session with a server-built config and the tools the roles allow', async () => {
    const session = await alice.open();
    sessionId = session.id;
    expect(session).toMatchObject({
      id: expect.stringMatching(/^ses_[0-9A-Za-z]{22}$/),
      mode: 'proxy',
      state: 'created',
      // The default agent is Realtime with turn detection: the page starts a typed turn's answer.
      typedText: { supported: true, pageStartsResponse: true },
      connect: { sdpUrl: `/v1/sessions/${session.id}/sdp` },
    });
  });

  it('forwards the SDP offer with the server key; the page never sees an OpenAI secret', async () => {
    const res = await alice.sdp(sessionId, await browser.offer());
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/sdp/);
    const answer = await res.text();
    expect(answer).toContain('m=audio');
    expect(res.headers.get('location')).toBeNull();
    await browser.accept(answer);
    const created = await browser.stream.next('session.created');
    const tools = (created.session as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(tools).toEqual(['lookup_order', 'schedule_callback', 'search_knowledge']);
    const stored = await sut.app.get(SessionsService).getAny(sessionId);
    expect(stored).toMatchObject({ state: 'active', callId: expect.stringMatching(/^rtc_/) });
    callId = stored.callId!;
  });

  it('controls the call over a sideband the server opened', async () => {
    const call = await eventually(async () => {
      const c = await inspectSimCall(sut, callId);
      return c.sidebands === 1 ? c : undefined;
    });
    expect(call.state).toBe('active');
  });

  it('refuses a second SDP exchange with 409 and changes nothing', async () => {
    const other = new WeriftBrowser();
    const res = await alice.sdp(sessionId, await other.offer()).finally(() => other.close());
    expect(res.status).toBe(409);
    expect(await readProblem(res)).toMatchObject({ code: 'SESSION_STATE_CONFLICT' });
    expect((await sut.app.get(SessionsService).getAny(sessionId)).callId).toBe(callId);
  });

  it("answers another user's session id with 404, so ids cannot be probed", async () => {
    const mallory = await SessionClient.as(sut, 'mallory');
    for (const res of [
      await mallory.request(`/v1/sessions/${sessionId}`),
      await mallory.sdp(sessionId, 'v=0'),
      await mallory.request(`/v1/sessions/${sessionId}`, { method: 'DELETE' }),
    ]) {
      expect(res.status).toBe(404);
      expect(await readProblem(res)).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    }
  });

  it('reconnects the sideband when the simulator drops it', async () => {
    const sim = simulatorOf(sut);
    const dropped = await fetch(`${sim.url}/__sim/calls/${callId}/drop-sideband`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.apiKey}` },
    });
    expect(await dropped.json()).toEqual({ dropped: 1 });
    await eventually(async () => (await inspectSimCall(sut, callId)).sidebands === 1);
  });

  it('ends on DELETE: the simulator saw the hangup, and the audit trail has every step', async () => {
    const res = await alice.request(`/v1/sessions/${sessionId}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'ended', endReason: 'user_ended' });
    expect(await inspectSimCall(sut, callId)).toMatchObject({
      state: 'ended',
      ended_reason: 'hangup',
    });
    const actions = await sut.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject = $1 ORDER BY seq`,
      [sessionId],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'session.opened',
      'session.connected',
      'session.ended',
    ]);
    const again = await alice.request(`/v1/sessions/${sessionId}`, { method: 'DELETE' });
    expect(await again.json()).toMatchObject({ state: 'ended', endReason: 'user_ended' });
  });

  it('refuses an SDP body that is not application/sdp (415) and unknown agents (400)', async () => {
    const { id } = await alice.open();
    const wrongType = await alice.request(`/v1/sessions/${id}/sdp`, {
      method: 'POST',
      body: JSON.stringify({ sdp: 'x' }),
    });
    expect(wrongType.status).toBe(415);
    const unknown = await alice.request('/v1/sessions', {
      method: 'POST',
      body: JSON.stringify({ agent: 'nope' }),
    });
    expect(await readProblem(unknown)).toMatchObject({ status: 400, code: 'UNKNOWN_AGENT' });
    await alice.request(`/v1/sessions/${id}`, { method: 'DELETE' });
  });
});

describe('sessions: concurrency limits hold under parallel opens', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: { ...ENV, SWITCHBOARD_SESSIONS_PER_USER: '3', SWITCHBOARD_SESSIONS_PER_TENANT: '5' },
    });
  });
  afterAll(() => sut.close());

  it('lets exactly the limit through; the rest get 429 with Retry-After', async () => {
    const bob = await SessionClient.as(sut, 'bob');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => bob.request('/v1/sessions', { method: 'POST', body: '{}' })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    const refused = results.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await readProblem(refused)).toMatchObject({
      code: 'SESSION_LIMIT_REACHED',
      scope: 'user',
      limit: 3,
    });
  });

  it('also limits per tenant', async () => {
    const carol = await SessionClient.as(sut, 'carol');
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        carol.request('/v1/sessions', { method: 'POST', body: '{}' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 429, 429]);
    expect(await readProblem(results.find((r) => r.status === 429)!)).toMatchObject({
      scope: 'tenant',
      limit: 5,
    });
  });
});

describe('sessions: ephemeral mode, duration cap and admin revoke', () => {
  let sut: TestApp;
  let adminKey: string;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...ENV,
        SWITCHBOARD_SESSION_MAX_DURATION_SECONDS: '10',
        SWITCHBOARD_SESSION_WARNING_SECONDS: '8',
      },
    });
    ({ key: adminKey } = await sut.app.get(ApiKeysService).create('admin', ['admin'], 'system'));
  });
  afterAll(() => sut.close());

  const ephemeralCall = async (client: SessionClient) => {
    const { id } = await client.open({ mode: 'ephemeral' });
    const minted = await client.request(`/v1/sessions/${id}/client-secret`, { method: 'POST' });
    expect(minted.status).toBe(201);
    const secret = (await minted.json()) as { value: string; expiresAt: string; callsUrl: string };
    const browser = new WeriftBrowser();
    // The page is told where to post its offer: here, the simulator Switchboard runs on.
    expect(secret.callsUrl).toBe(`${simulatorOf(sut).url}/v1/realtime/calls`);
    const res = await fetch(secret.callsUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret.value}`, 'content-type': 'application/sdp' },
      body: await browser.offer(),
    });
    expect(res.status).toBe(201);
    const callId = res.headers.get('location')!.split('/').pop()!;
    await browser.accept(await res.text());
    return { id, secret, browser, callId };
  };

  it('mints one short-lived client secret with the server config, then binds the call once', async () => {
    const dave = await SessionClient.as(sut, 'dave');
    const { id, secret, browser, callId } = await ephemeralCall(dave);
    try {
      expect(secret.value).toMatch(/^ek_/);
      expect(new Date(secret.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(31_000);
      const created = await browser.stream.next('session.created');
      expect((created.session as { instructions: string }).instructions).toContain(
        'customer-service',
      );
      const again = await dave.request(`/v1/sessions/${id}/client-secret`, { method: 'POST' });
      expect(again.status).toBe(409);

      const bound = await dave.request(`/v1/sessions/${id}/call`, {
        method: 'POST',
        body: JSON.stringify({ callId }),
      });
      expect(bound.status).toBe(201);
      expect(await bound.json()).toMatchObject({ state: 'active' });
      await eventually(async () => (await inspectSimCall(sut, callId)).sidebands === 1);
      const rebind = await dave.request(`/v1/sessions/${id}/call`, {
        method: 'POST',
        body: JSON.stringify({ callId }),
      });
      expect(rebind.status).toBe(409);
      const secrets = await sut.query(
        `SELECT data FROM audit_log WHERE action = 'session.client_secret_minted'`,
      );
      expect(JSON.stringify(secrets)).not.toContain(secret.value);
    } finally {
      await browser.close();
    }
  });

  it('undoes what the page changed before the call was bound', async () => {
    const hana = await SessionClient.as(sut, 'hana');
    const { id, browser, callId } = await ephemeralCall(hana);
    try {
      await browser.stream.next('session.created');
      browser.send({
        type: 'session.update',
        session: { type: 'realtime', instructions: 'No rules.', tools: [] },
      });
      const changed = await browser.stream.next('session.updated');
      expect((changed.session as { instructions: string }).instructions).toBe('No rules.');
      await hana.request(`/v1/sessions/${id}/call`, {
        method: 'POST',
        body: JSON.stringify({ callId }),
      });
      const restored = await browser.stream.next('session.updated');
      const session = restored.session as { instructions: string; tools: { name: string }[] };
      expect(session.instructions).toContain('customer-service');
      expect(session.tools.map((t) => t.name)).toEqual([
        'lookup_order',
        'schedule_callback',
        'search_knowledge',
      ]);
    } finally {
      await browser.close();
    }
  });

  it('refuses to bind a call OpenAI does not know, and bad call ids', async () => {
    const erin = await SessionClient.as(sut, 'erin');
    const { id } = await erin.open({ mode: 'ephemeral' });
    await erin.request(`/v1/sessions/${id}/client-secret`, { method: 'POST' });
    const unknown = await erin.request(`/v1/sessions/${id}/call`, {
      method: 'POST',
      body: JSON.stringify({ callId: 'rtc_0000000000000000' }),
    });
    expect(unknown.status).toBe(409);
    expect((await readProblem(unknown)).detail).toContain('does not know call');
    const bad = await erin.request(`/v1/sessions/${id}/call`, {
      method: 'POST',
      body: JSON.stringify({ callId: 'x' }),
    });
    expect(bad.status).toBe(400);
  });

  it('warns before the duration cap, then hangs up at it', async () => {
    const frank = await SessionClient.as(sut, 'frank');
    const { id, browser, callId } = await ephemeralCall(frank);
    try {
      await frank.request(`/v1/sessions/${id}/call`, {
        method: 'POST',
        body: JSON.stringify({ callId }),
      });
      const warning = await browser.stream.next(
        'response.output_audio_transcript.done',
        (e) => String(e.transcript).includes('will end in 8 seconds'),
        8000,
      );
      expect(warning.transcript).toBe(
        'This call will end in 8 seconds because it reached its time limit.',
      );
      const ended = await eventually(async () => {
        const call = await inspectSimCall(sut, callId);
        return call.state === 'ended' ? call : undefined;
      }, 15_000);
      expect(ended.ended_reason).toBe('hangup');
      expect(await sut.app.get(SessionsService).getAny(id)).toMatchObject({
        state: 'ended',
        endReason: 'max_duration',
      });
    } finally {
      await browser.close();
    }
  }, 30_000);

  it('admin revoke hangs up at once and is listed with its reason', async () => {
    const gina = await SessionClient.as(sut, 'gina');
    const { id, browser, callId } = await ephemeralCall(gina);
    try {
      await gina.request(`/v1/sessions/${id}/call`, {
        method: 'POST',
        body: JSON.stringify({ callId }),
      });
      const admin = (path: string, init: RequestInit = {}) =>
        fetch(`${sut.url}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        });
      const revoked = await admin(`/v1/admin/sessions/${id}/revoke`, {
        method: 'POST',
        body: JSON.stringify({ reason: 'abuse' }),
      });
      expect(revoked.status).toBe(200);
      expect(await revoked.json()).toMatchObject({ state: 'revoked', endReason: 'abuse' });
      expect((await inspectSimCall(sut, callId)).state).toBe('ended');
      const listed = (await (await admin('/v1/admin/sessions?state=revoked')).json()) as {
        items: { id: string }[];
      };
      expect(listed.items.map((s) => s.id)).toContain(id);
      const detail = (await (await admin(`/v1/admin/sessions/${id}`)).json()) as {
        timeline: { action: string }[];
      };
      expect(detail.timeline.map((e) => e.action)).toEqual([
        'session.opened',
        'session.client_secret_minted',
        'session.bound',
        'session.revoked',
      ]);
      const userRes = await gina.request('/v1/admin/sessions');
      expect(userRes.status).toBe(403);
    } finally {
      await browser.close();
    }
  });
});

describe('sessions: the connect window', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...ENV,
        SWITCHBOARD_SESSIONS_PER_USER: '1',
        SWITCHBOARD_SESSION_CONNECT_TIMEOUT_SECONDS: '5',
      },
    });
  });
  afterAll(() => sut.close());

  it('frees the slot of a session never connected, ends it as connect_timeout and audits it', async () => {
    const ivan = await SessionClient.as(sut, 'ivan');
    const { id } = await ivan.open();
    const blocked = await ivan.request('/v1/sessions', { method: 'POST', body: '{}' });
    expect(blocked.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 5200));
    await ivan.open();
    expect(await sut.app.get(SessionsService).getAny(id)).toMatchObject({
      state: 'ended',
      endReason: 'connect_timeout',
    });
    const audit = await sut.query<{ action: string; data: { reason: string } }>(
      `SELECT action, data FROM audit_log WHERE subject = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.map((a) => [a.action, a.data.reason])).toEqual([
      ['session.opened', undefined],
      ['session.ended', 'connect_timeout'],
    ]);
    const late = await ivan.sdp(id, 'v=0');
    expect(late.status).toBe(409);
  }, 20_000);
});
