import OpenAI from 'openai';
import { WebSocket } from 'ws';
import { LiveWS } from 'openai/resources/live/ws';

import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { attachSideband, openPrimary } from '../support/live-sim-clients.js';
import { EventStream } from '../support/event-stream.js';
import { WeriftBrowser } from '../support/werift-browser.js';

/**
 * GPT-Live (`/v1/live/sessions`) in the simulator, with the official `openai` SDK as the client
 * (`client.live.create`, the SDK's own `SidebandWS`) and werift playing the browser. If the SDK's
 * types or checks reject what the simulator sends, the simulator is wrong.
 */
describe('simulator: GPT-Live sessions with the official openai SDK', () => {
  let sim: Simulator;
  let client: OpenAI;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, timeScale: 0.05 });
    client = new OpenAI({ apiKey: sim.apiKey, baseURL: `${sim.url}/v1`, maxRetries: 0 });
  });
  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
  });
  afterAll(() => sim.close());

  /** A browser whose offer the server exchanges with `client.live.create`, then connects. */
  async function connect(session: OpenAI.Live.MediaSessionConfig) {
    const browser = new WeriftBrowser();
    cleanup.push(() => browser.close());
    const created = await client.live.create({
      session,
      transport: { type: 'webrtc', sdp: await browser.offer() },
    });
    return { browser, created };
  }

  /** The SDK's sideband on a session, every event it receives collected. */
  async function attach(sessionId: string) {
    const attached = await attachSideband(client, sessionId);
    cleanup.push(() => attached.sideband.close());
    return attached;
  }

  it('creates a WebRTC session: a live_ id, an SDP answer, and session.started on the data channel and the sideband', async () => {
    const { browser, created } = await connect({
      model: 'gpt-live-1',
      instructions: 'Be brief.',
      audio: { output: { voice: 'cedar' } },
    });
    expect(created.session.id).toMatch(/^live_[0-9a-f]{32}$/);
    expect(created.transport.type).toBe('webrtc');
    expect(created.transport.sdp).toMatch(/^v=0/);
    // Attached before the answer goes back, as the SDK's docs advise: nothing is missed.
    const { events } = await attach(created.session.id);
    await browser.accept(created.transport.sdp);
    const started = await browser.stream.next('session.started');
    expect(started.session).toMatchObject({
      id: created.session.id,
      model: 'gpt-live-1',
      status: 'active',
      instructions: 'Be brief.',
      audio: { output: { voice: 'cedar' } },
    });
    expect((started.session as { expires_at: number }).expires_at).toBeGreaterThan(
      Date.now() / 1000,
    );
    const seen = await events.next('session.started');
    expect(seen.event_id).toBe(started.event_id);
  });

  it('refuses an ek_ key: Live has no client keys', async () => {
    const secret = await client.realtime.clientSecrets.create({ session: { type: 'realtime' } });
    const browserClient = new OpenAI({
      apiKey: secret.value,
      baseURL: `${sim.url}/v1`,
      maxRetries: 0,
    });
    const before = sim.liveSessions.all().length;
    const browser = new WeriftBrowser();
    cleanup.push(() => browser.close());
    const error = await browserClient.live
      .create({
        session: { model: 'gpt-live-1' },
        transport: { type: 'webrtc', sdp: await browser.offer() },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(sim.liveSessions.all()).toHaveLength(before);
  });

  it('refuses an unknown session field with OpenAI’s error shape, and creates nothing', async () => {
    const before = sim.liveSessions.all().length;
    const browser = new WeriftBrowser();
    cleanup.push(() => browser.close());
    const error = await client.live
      .create({
        session: { model: 'gpt-live-1', turn_detection: { type: 'server_vad' } } as never,
        transport: { type: 'webrtc', sdp: await browser.offer() },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'unknown_parameter',
      param: 'session.turn_detection',
    });
    expect(sim.liveSessions.all()).toHaveLength(before);
  });

  it('acknowledges sideband appends with client_event_id, and refuses one over 500 tokens', async () => {
    const { browser, created } = await connect({ model: 'gpt-live-1' });
    const { sideband, events } = await attach(created.session.id);
    await browser.accept(created.transport.sdp);
    await events.next('session.started');
    sideband.send({
      type: 'session.thinking.append',
      event_id: 'evt_think_1',
      content: 'The caller is a gold member.',
      delegation_id: null,
    });
    const ack = await events.next('session.thinking.appended');
    expect(ack).toMatchObject({ client_event_id: 'evt_think_1' });
    expect(typeof ack.start_ms).toBe('number');
    expect(ack.end_ms).toBeGreaterThanOrEqual(ack.start_ms as number);

    sideband.send({
      type: 'session.commentary.append',
      event_id: 'evt_long',
      content: 'word '.repeat(2000),
      delegation_id: null,
    });
    const refused = await events.next('error');
    expect(refused.error).toMatchObject({ param: 'content', client_event_id: 'evt_long' });
    expect(sim.liveSessions.find(created.session.id)!.appended).toHaveLength(1);
  });

  it('enforces the data-channel allowlists on the browser only; the sideband is never filtered', async () => {
    const { browser, created } = await connect({
      model: 'gpt-live-1',
      client: {
        data_channel: {
          allowed_client_events: ['session.input_audio.mute'],
          allowed_server_events: [
            { type: 'session.started' },
            { type: 'session.input_audio.muted' },
          ],
        },
      },
    });
    const { sideband, events } = await attach(created.session.id);
    await browser.accept(created.transport.sdp);
    await browser.stream.next('session.started');

    browser.send({ type: 'session.close', event_id: 'evt_page_close' });
    const notice = await browser.stream.next('info');
    expect(notice).toMatchObject({
      code: 'data_channel_permissions',
      client_event_id: 'evt_page_close',
    });
    expect(sim.liveSessions.find(created.session.id)!.state).toBe('active');

    browser.send({ type: 'session.input_audio.mute', event_id: 'evt_mute' });
    expect(await browser.stream.next('session.input_audio.muted')).toMatchObject({
      client_event_id: 'evt_mute',
    });
    await events.next('session.input_audio.muted');

    // An append from the server is seen on the sideband, never on the page.
    sideband.send({ type: 'session.thinking.append', content: 'secret', delegation_id: null });
    await events.next('session.thinking.appended');
    sideband.send({ type: 'session.input_audio.unmute', event_id: 'evt_unmute' });
    await events.next('session.input_audio.unmuted');
    browser.send({ type: 'session.input_audio.mute', event_id: 'evt_mute_2' });
    await browser.stream.next('session.input_audio.muted');
    const pageTypes = browser.stream.types();
    expect(pageTypes).not.toContain('session.thinking.appended');
    expect(pageTypes).not.toContain('session.input_audio.unmuted');
  });

  it('closes on session.close from the sideband: session.closed with its reason, usage and client_event_id', async () => {
    const { browser, created } = await connect({ model: 'gpt-live-1' });
    const { sideband, events } = await attach(created.session.id);
    await browser.accept(created.transport.sdp);
    await events.next('session.started');
    sideband.send({ type: 'session.close', event_id: 'evt_bye' });
    const closed = await events.next('session.closed');
    expect(closed).toMatchObject({
      reason: 'close_requested',
      client_event_id: 'evt_bye',
      session: { id: created.session.id },
    });
    expect(Number.isInteger((closed.usage as { seconds: number }).seconds)).toBe(true);
    expect((await browser.stream.next('session.closed')).event_id).toBe(closed.event_id);
    expect(sim.liveSessions.find(created.session.id)!.state).toBe('ended');
    // An ended session takes no sideband.
    expect(
      await upgradeStatus(`${sim.url}/v1/live/sessions/${created.session.id}/attach`, sim.apiKey),
    ).toBe(404);
  });

  it('lets session.update change delegation settings only; the rest is immutable and nothing changes', async () => {
    const { browser, created } = await connect({
      model: 'gpt-live-1',
      instructions: 'Be brief.',
      delegation: {
        type: 'responses',
        responses: { model: 'gpt-5.5', instructions: 'Use tools.', max_output_tokens: 512 },
      },
    });
    const { sideband, events } = await attach(created.session.id);
    await browser.accept(created.transport.sdp);
    await events.next('session.started');
    sideband.send({
      type: 'session.update',
      event_id: 'evt_instr',
      session: { instructions: 'Say anything.' } as never,
    });
    const refused = await events.next('error');
    expect(refused.error).toMatchObject({
      code: 'invalid_value',
      param: 'session.instructions',
      client_event_id: 'evt_instr',
    });
    expect(sim.liveSessions.find(created.session.id)!.resource.instructions).toBe('Be brief.');
    for (const [field, session] of [
      ['session.audio', { audio: { output: { voice: 'ash' } } }],
      ['session.model', { model: 'gpt-live-1.1' }],
      ['session.client', { client: { data_channel: { allowed_client_events: 'all' } } }],
    ] as const) {
      sideband.send({ type: 'session.update', event_id: `evt_${field}`, session } as never);
      expect((await events.next('error')).error).toMatchObject({
        param: expect.stringContaining(field),
        client_event_id: `evt_${field}`,
      });
    }
    expect(sim.liveSessions.find(created.session.id)!.resource).toMatchObject({
      model: 'gpt-live-1',
      audio: { output: { voice: 'marin' } },
    });

    sideband.send({
      type: 'session.update',
      event_id: 'evt_backend',
      session: { delegation: { type: 'responses', responses: { max_output_tokens: 2048 } } },
    });
    const updated = await events.next('session.updated');
    expect(updated).toMatchObject({
      client_event_id: 'evt_backend',
      session: {
        instructions: 'Be brief.',
        delegation: {
          type: 'responses',
          responses: { model: 'gpt-5.5', instructions: 'Use tools.', max_output_tokens: 2048 },
        },
      },
    });

    sideband.send({
      type: 'session.update',
      event_id: 'evt_type',
      session: { delegation: { type: 'client' } } as never,
    });
    expect((await events.next('error')).error).toMatchObject({ client_event_id: 'evt_type' });
    expect(sim.liveSessions.find(created.session.id)!.resource.delegation).toMatchObject({
      type: 'responses',
    });
  });

  it('refuses a sideband on a session that does not exist, and one with an ek_ key', async () => {
    const missing = await upgradeStatus(`${sim.url}/v1/live/sessions/live_nope/attach`, sim.apiKey);
    expect(missing).toBe(404);
    const secret = await client.realtime.clientSecrets.create({ session: { type: 'realtime' } });
    const { created } = await connect({ model: 'gpt-live-1' });
    const ephemeral = await upgradeStatus(
      `${sim.url}/v1/live/sessions/${created.session.id}/attach`,
      secret.value,
    );
    expect(ephemeral).toBe(401);
  });

  it('replays recent events to a sideband that attaches late', async () => {
    const socket = await openPrimary(sim);
    cleanup.push(() => socket.close());
    socket.send({ type: 'session.start', session: { model: 'gpt-live-1' } });
    const started = await socket.events.next('session.started');
    socket.send({ type: 'session.input_audio.mute', event_id: 'evt_before' });
    await socket.events.next('session.input_audio.muted');
    const { events } = await attach((started.session as { id: string }).id);
    expect((await events.next('session.started')).event_id).toBe(started.event_id);
    expect(await events.next('session.input_audio.muted')).toMatchObject({
      client_event_id: 'evt_before',
    });
  });

  it('takes exactly 500 tokens in an append and refuses 501 (UTF-8 bytes / 4)', async () => {
    const socket = await openPrimary(sim);
    cleanup.push(() => socket.close());
    socket.send({ type: 'session.start', session: { model: 'gpt-live-1' } });
    await socket.events.next('session.started');
    socket.send({
      type: 'session.instructions.append',
      event_id: 'evt_500',
      content: 'a'.repeat(2000),
      delegation_id: null,
    });
    expect(await socket.events.next('session.instructions.appended')).toMatchObject({
      client_event_id: 'evt_500',
    });
    socket.send({
      type: 'session.instructions.append',
      event_id: 'evt_501',
      content: 'a'.repeat(2001),
      delegation_id: null,
    });
    expect((await socket.events.next('error')).error).toMatchObject({
      param: 'content',
      client_event_id: 'evt_501',
    });
  });

  it('ends the session when the primary socket closes: remote_hangup on the sideband', async () => {
    const socket = await openPrimary(sim);
    socket.send({ type: 'session.start', session: { model: 'gpt-live-1' } });
    const started = await socket.events.next('session.started');
    const id = (started.session as { id: string }).id;
    const { events } = await attach(id);
    socket.close();
    expect(await events.next('session.closed')).toMatchObject({ reason: 'remote_hangup' });
    expect(sim.liveSessions.find(id)!.state).toBe('ended');
  });

  it('refuses a bad SDP offer and creates no session', async () => {
    const before = sim.liveSessions.all().length;
    const error = await client.live
      .create({ session: { model: 'gpt-live-1' }, transport: { type: 'webrtc', sdp: 'v=0' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ code: 'invalid_offer', param: 'transport.sdp' });
    expect(sim.liveSessions.all()).toHaveLength(before);
  });

  describe('primary WebSocket', () => {
    it('starts with session.start → session.started, in the configured audio format', async () => {
      const socket = await openPrimary(sim);
      cleanup.push(() => socket.close());
      socket.send({
        type: 'session.start',
        event_id: 'evt_start',
        session: { model: 'gpt-live-1', audio: { format: { type: 'audio/pcmu', rate: 8000 } } },
      });
      const started = await socket.events.next('session.started');
      expect(started).toMatchObject({
        client_event_id: 'evt_start',
        session: { status: 'active', audio: { format: { type: 'audio/pcmu', rate: 8000 } } },
      });
      expect((started.session as { id: string }).id).toMatch(/^live_/);
    });

    it('works with the SDK’s own LiveWS: session.start, an append and its ack, session.close', async () => {
      const live = new LiveWS(client);
      const events = new EventStream();
      live.on('event', (event) => events.push(event as never));
      live.on('error', () => undefined);
      cleanup.push(() => live.close());
      live.send({
        type: 'session.start',
        event_id: 'evt_sdk_start',
        session: { model: 'gpt-live-1', audio: { format: { type: 'audio/pcm', rate: 16000 } } },
      });
      const started = await events.next('session.started');
      expect(started).toMatchObject({
        client_event_id: 'evt_sdk_start',
        session: { audio: { format: { type: 'audio/pcm', rate: 16000 } } },
      });
      live.send({
        type: 'session.commentary.append',
        event_id: 'evt_sdk_say',
        content: 'Your order ships today.',
        delegation_id: null,
      });
      expect(await events.next('session.commentary.appended')).toMatchObject({
        client_event_id: 'evt_sdk_say',
      });
      live.send({ type: 'session.close', event_id: 'evt_sdk_close' });
      expect(await events.next('session.closed')).toMatchObject({
        reason: 'close_requested',
        client_event_id: 'evt_sdk_close',
      });
    });

    it('refuses anything before session.start, and closes', async () => {
      const socket = await openPrimary(sim);
      cleanup.push(() => socket.close());
      socket.send({ type: 'session.input_audio.mute', event_id: 'evt_early' });
      const refused = await socket.events.next('error');
      expect(refused.error).toMatchObject({
        code: 'session_not_started',
        client_event_id: 'evt_early',
      });
      await socket.closed;
    });

    it('takes caller audio without an acknowledgement; the sideband may not send it', async () => {
      const socket = await openPrimary(sim);
      cleanup.push(() => socket.close());
      socket.send({ type: 'session.start', session: { model: 'gpt-live-1' } });
      const started = await socket.events.next('session.started');
      const id = (started.session as { id: string }).id;
      socket.send({
        type: 'session.input_audio.append',
        audio: Buffer.alloc(3200).toString('base64'),
      });
      socket.send({ type: 'session.input_audio.mute', event_id: 'evt_after_audio' });
      await socket.events.next('session.input_audio.muted');
      expect(socket.events.types()).not.toContain('error');
      expect(sim.liveSessions.find(id)!.inputAudioBytes).toBe(3200);

      const { sideband, events } = await attach(id);
      sideband.send({ type: 'session.input_audio.append', audio: 'AAAA' } as never);
      expect((await events.next('error')).error).toMatchObject({ param: 'type' });
      socket.send({
        type: 'session.input_audio.append',
        event_id: 'evt_bad',
        audio: 'not base64!',
      });
      expect((await socket.events.next('error')).error).toMatchObject({
        param: 'audio',
        client_event_id: 'evt_bad',
      });
    });

    it('survives a session.start nested too deep to copy, and refuses an ek_ key', async () => {
      // Written by hand: JSON.stringify itself cannot nest this deep.
      const deep = `${'['.repeat(200_000)}{}${']'.repeat(200_000)}`;
      const socket = await openPrimary(sim);
      socket.sendRaw(
        `{"type":"session.start","event_id":"evt_deep","session":{"model":"gpt-live-1",` +
          `"delegation":{"type":"responses","responses":{"model":"gpt-5.5",` +
          `"tools":[{"type":"web_search","x":${deep}}]}}}}`,
      );
      const refused = await socket.events.next('error');
      expect(refused.error).toMatchObject({ client_event_id: 'evt_deep' });
      await socket.closed;
      const secret = await client.realtime.clientSecrets.create({ session: { type: 'realtime' } });
      expect(await upgradeStatus(`${sim.url}/v1/live/sessions`, secret.value)).toBe(401);
      // The simulator still answers.
      const next = await openPrimary(sim);
      cleanup.push(() => next.close());
      next.send({ type: 'session.start', session: { model: 'gpt-live-1' } });
      await next.events.next('session.started');
    });

    it('refuses audio.format on WebRTC, where the media transport negotiates it', async () => {
      const browser = new WeriftBrowser();
      cleanup.push(() => browser.close());
      const error = await client.live
        .create({
          session: {
            model: 'gpt-live-1',
            audio: { format: { type: 'audio/pcm', rate: 24000 } },
          } as never,
          transport: { type: 'webrtc', sdp: await browser.offer() },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ param: expect.stringContaining('audio.format') });
    });
  });
});

describe('simulator: GPT-Live expiry', () => {
  it('closes a session at expires_at with reason "expired", usage in whole seconds', async () => {
    const sim = await startSimulator({ maxCallDurationMs: 1500 });
    try {
      const socket = await openPrimary(sim);
      const openedAt = Date.now();
      socket.send({ type: 'session.start', session: { model: 'gpt-live-1' } });
      const started = await socket.events.next('session.started');
      const expiresAt = (started.session as { expires_at: number }).expires_at;
      const closed = await socket.events.next('session.closed');
      expect(closed).toMatchObject({ reason: 'expired', session: { expires_at: expiresAt } });
      // Rounded up to whole seconds, so never before the full 1.5 s (timers may run 1-2 ms early).
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt * 1000 - 5);
      expect(Date.now() - openedAt).toBeGreaterThanOrEqual(1495);
      expect((closed.usage as { seconds: number }).seconds).toBeGreaterThanOrEqual(1);
      await socket.closed;
    } finally {
      await sim.close();
    }
  });
});

/** The HTTP status a refused WebSocket upgrade answers with. */
function upgradeStatus(url: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), {
      headers: { Authorization: `Bearer ${key}` },
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('error', () => undefined);
  });
}
