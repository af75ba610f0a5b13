import { randomBytes } from 'node:crypto';

import OpenAI from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';

import {
  heardSaying,
  liveSimulatorSuite,
  openPrimary,
  sayToLive,
} from '../support/live-sim-clients.js';
import { type RealtimeEvent } from '../support/event-stream.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { WeriftBrowser } from '../support/werift-browser.js';

const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

/** The simulated GPT-Live conversation: turns, speech, delegation, SIP with both APIs. */
describe('simulator: a GPT-Live conversation (voice, delegation, SIP)', () => {
  const suite = liveSimulatorSuite({
    webhookDelivery: { attempts: 2, baseDelayMs: 10 },
    scenario: {
      spokenTurns: ['Where is my order 10042?'],
      delegationAcknowledgement: 'One moment please.',
      rules: [
        {
          when: { regex: 'order\\s*(\\d+)', flags: 'i' },
          callTools: [{ name: 'lookup_order', arguments: { orderNumber: '{{match.1}}' } }],
          afterTools: 'Your order: {{output.lookup_order}}',
        },
        {
          when: { contains: 'weather' },
          callTools: [{ name: 'web_search', arguments: { query: 'weather in Paris' } }],
          afterTools: 'I found {{output.web_search}}',
        },
        { when: { contains: 'hello' }, say: 'Hi there!' },
      ],
    },
  });

  const responses = {
    type: 'responses' as const,
    responses: {
      model: 'gpt-5.5',
      instructions: 'Use tools.',
      tools: [
        {
          type: 'function' as const,
          name: 'lookup_order',
          parameters: { type: 'object', properties: { orderNumber: { type: 'string' } } },
        },
        { type: 'web_search' as const },
      ],
    },
  };

  const say = (sessionId: string, text: string) => sayToLive(suite.sim, sessionId, text);

  const nested = (e: RealtimeEvent) => e.event as ResponseStreamEvent;

  it('over WebRTC: hears the caller’s audio, delegates a function call the sideband answers, then speaks the result with audio', async () => {
    const browser = new WeriftBrowser();
    suite.later(() => browser.close());
    const created = await suite.client.live.create({
      session: { model: 'gpt-live-1', delegation: responses },
      transport: { type: 'webrtc', sdp: await browser.offer() },
    });
    const { sideband, events } = await suite.attach(created.session.id);
    await browser.accept(created.transport.sdp);
    await events.next('session.started');

    // Audio up: speech then silence is a turn (the scenario's first spoken turn).
    await browser.speak(400, 800);
    const heard = await events.next('session.input_transcript.delta');
    expect(heard.delta).toBe('Where ');
    expect(heard.end_ms as number).toBeGreaterThan(heard.start_ms as number);

    const delegation = await events.next('session.delegation.created');
    const { id: delegationId, response_id: responseId } = delegation.delegation as Record<
      string,
      string
    >;
    expect(delegation.delegation).toMatchObject({ type: 'delegation', target: 'responses' });
    expect(responseId).toMatch(/^resp_/);
    const call = await events.next(
      'response.event',
      (e) => nested(e).type === 'response.output_item.done',
    );
    expect(call.delegation_id).toBe(delegationId);
    const item = (nested(call) as OpenAI.Responses.ResponseOutputItemDoneEvent).item;
    expect(item).toMatchObject({
      type: 'function_call',
      name: 'lookup_order',
      arguments: '{"orderNumber":"10042"}',
      status: 'completed',
    });
    const firstDone = await events.next(
      'response.event',
      (e) => nested(e).type === 'response.completed',
    );
    const usage = (nested(firstDone) as OpenAI.Responses.ResponseCompletedEvent).response.usage;
    expect(usage?.output_tokens).toBeGreaterThan(0);
    expect(usage?.total_tokens).toBe((usage?.input_tokens ?? 0) + (usage?.output_tokens ?? 0));

    // Full duplex: the voice acknowledges while the work waits, and a barge-in cancels nothing.
    await heardSaying(events, 'One moment please.');
    expect((await say(created.session.id, 'hello')).status).toBe(202);
    await heardSaying(events, 'Hi there!');

    const callId = (item as { call_id: string }).call_id;
    sideband.send({
      type: 'response.item.create',
      item: { type: 'function_call_output', call_id: callId, output: 'shipped today' },
    });
    sideband.send({ type: 'response.create', event_id: 'evt_continue' });
    const resumed = await events.next(
      'response.event',
      (e) => nested(e).type === 'response.created',
    );
    expect(resumed.client_event_id).toBe('evt_continue');
    expect(nested(resumed)).toMatchObject({
      response: { previous_response_id: responseId, status: 'in_progress' },
    });
    const text = await events.next(
      'response.event',
      (e) => nested(e).type === 'response.output_text.done',
    );
    expect((nested(text) as { text: string }).text).toBe('Your order: shipped today');
    const spoken = await heardSaying(events, 'Your order: shipped today');
    // Timestamps run forward on the session timeline.
    for (let i = 1; i < spoken.length; i++)
      expect(spoken[i].start_ms as number).toBeGreaterThanOrEqual(spoken[i - 1].end_ms as number);
    // Audio down: RTP to the browser, and 24 kHz reflections with timestamps on the sideband.
    expect(browser.rtpReceived).toBeGreaterThan(0);
    const reflected = await events.next('session.output_audio.delta');
    expect(typeof reflected.start_ms).toBe('number');
    const bytes = Buffer.from(reflected.delta as string, 'base64').length;
    expect(bytes).toBe(((reflected.end_ms as number) - (reflected.start_ms as number)) * 48);
    // The data channel carries no audio events (WebRTC audio is media).
    expect(browser.stream.types()).not.toContain('session.output_audio.delta');
    expect(browser.stream.types()).toContain('response.event');
  });

  it('answers a hosted tool at once (canned, marked hosted) and refuses response.create with nothing waiting', async () => {
    const socket = await openPrimary(suite.sim);
    suite.later(() => socket.close());
    socket.send({ type: 'session.start', session: { model: 'gpt-live-1', delegation: responses } });
    const started = await socket.events.next('session.started');
    const id = (started.session as { id: string }).id;
    await say(id, 'what is the weather like');
    const done = await socket.events.next(
      'response.event',
      (e) => nested(e).type === 'response.output_item.done',
    );
    expect(nested(done)).toMatchObject({
      item: { type: 'web_search_call', status: 'completed', action: { query: 'weather in Paris' } },
    });
    await heardSaying(
      socket.events,
      'I found (simulated web_search result for "weather in Paris")',
    );
    socket.send({ type: 'response.create', event_id: 'evt_none' });
    expect((await socket.events.next('error')).error).toMatchObject({
      code: 'no_pending_response',
      client_event_id: 'evt_none',
    });
    socket.send({
      type: 'response.item.create',
      item: { type: 'function_call_output', call_id: 'call_unknown', output: 'x' },
    });
    expect((await socket.events.next('error')).error).toMatchObject({ param: 'item.call_id' });
    const inspected = (await (
      await fetch(`${suite.sim.url}/__sim/live/sessions/${id}`, {
        headers: { authorization: `Bearer ${suite.sim.apiKey}` },
      })
    ).json()) as { delegations: { calls: { name: string; hosted: boolean }[] }[] };
    expect(inspected.delegations[0].calls).toEqual([
      expect.objectContaining({ name: 'web_search', hosted: true }),
    ]);
  });

  it('on a primary WebSocket: audio in its format becomes a turn; output audio comes in that format', async () => {
    const socket = await openPrimary(suite.sim);
    suite.later(() => socket.close());
    socket.send({
      type: 'session.start',
      session: { model: 'gpt-live-1', audio: { format: { type: 'audio/pcmu', rate: 8000 } } },
    });
    await socket.events.next('session.started');
    // 400 ms of a loud µ-law square wave, then 800 ms of µ-law silence (0xff), in 100 ms chunks.
    for (let ms = 0; ms < 1200; ms += 100) {
      const chunk = Buffer.alloc(800, ms < 400 ? 0x80 : 0xff);
      if (ms < 400) for (let i = 0; i < chunk.length; i += 2) chunk[i] = 0x00;
      socket.send({ type: 'session.input_audio.append', audio: chunk.toString('base64') });
    }
    await socket.events.next('session.input_transcript.delta');
    // The scenario's first spoken turn is an order question: a client delegation (default).
    const delegation = await socket.events.next('session.delegation.created');
    expect(delegation.delegation).toEqual({
      id: expect.stringMatching(/^dlg_/),
      type: 'delegation',
      target: 'client',
    });
    const audio = await socket.events.next('session.output_audio.delta');
    expect(audio.start_ms).toBeUndefined();
    expect(Buffer.from(audio.delta as string, 'base64').every((b) => b === 0xff)).toBe(true);
    const delegationId = (delegation.delegation as { id: string }).id;
    socket.send({
      type: 'session.thinking.append',
      content: 'Looking it up.',
      delegation_id: delegationId,
    });
    await socket.events.next('session.thinking.appended');
    socket.send({
      type: 'session.commentary.append',
      content: 'it ships tomorrow',
      delegation_id: delegationId,
    });
    await heardSaying(socket.events, 'Your order: it ships tomorrow');
    socket.send({
      type: 'response.item.create',
      item: { type: 'message', role: 'user', content: 'x' },
    });
    expect(((await socket.events.next('error')).error as { message: string }).message).toMatch(
      /requires Responses delegation/,
    );
  });

  it('muted input reaches no one: no turn is heard', async () => {
    const socket = await openPrimary(suite.sim);
    suite.later(() => socket.close());
    socket.send({ type: 'session.start', session: { model: 'gpt-live-1' } });
    const started = await socket.events.next('session.started');
    socket.send({ type: 'session.input_audio.mute' });
    await socket.events.next('session.input_audio.muted');
    const loud = Buffer.alloc(4800);
    for (let i = 0; i < loud.length; i += 2) loud.writeInt16LE(i % 4 ? 12000 : -12000, i);
    for (let n = 0; n < 5; n++)
      socket.send({ type: 'session.input_audio.append', audio: loud.toString('base64') });
    socket.send({
      type: 'session.input_audio.append',
      audio: Buffer.alloc(48_000).toString('base64'),
    });
    socket.send({ type: 'session.instructions.append', content: 'marker', delegation_id: null });
    await socket.events.next('session.instructions.appended');
    const id = (started.session as { id: string }).id;
    expect(suite.sim.liveSessions.find(id)?.voice.heard).toEqual([]);
  });

  describe('SIP: one phone call, both APIs', () => {
    let receiver: WebhookReceiver;
    let webhookUrl: string;
    beforeEach(async () => {
      receiver = new WebhookReceiver([200]);
      webhookUrl = await receiver.start();
    });
    afterEach(() => receiver.close());

    const ring = async () => {
      const incoming = suite.sim.simulateIncomingCall({
        webhookUrl,
        secret: WEBHOOK_SECRET,
        from: '+14155550100',
        to: '+18005550123',
      });
      const delivery = await incoming.delivery;
      return { callId: String(incoming.callId), sessionId: String(incoming.sessionId), delivery };
    };

    it('exactly one accept wins when both arrive together; the loser names its API’s error', async () => {
      for (let round = 0; round < 4; round++) {
        const { callId, sessionId } = await ring();
        // Both requests in flight at once, issued in alternating order.
        const acceptLive = () =>
          suite.client.live.sessions.accept(sessionId, {
            session: { type: 'live', model: 'gpt-live-1' },
          });
        const acceptRealtime = () =>
          suite.client.realtime.calls.accept(callId, { type: 'realtime' });
        const [l, r] =
          round % 2
            ? await Promise.allSettled([acceptLive(), acceptRealtime()])
            : await Promise.allSettled([acceptRealtime(), acceptLive()]).then(([x, y]) => [y, x]);
        const won = [l, r].filter((s) => s.status === 'fulfilled');
        expect(won).toHaveLength(1);
        const liveSession = suite.sim.liveSessions.find(sessionId)!;
        const call = suite.sim.calls.find(callId)!;
        if (l.status === 'fulfilled') {
          expect((r as PromiseRejectedResult).reason).toMatchObject({
            code: 'call_already_accepted',
          });
          expect(liveSession.state).toBe('active');
          expect(call.state).toBe('ended');
          await suite.client.live.sessions.hangup(sessionId);
        } else {
          expect(l.reason).toMatchObject({ code: 'session_already_accepted' });
          expect(call.state).toBe('active');
          expect(liveSession.state).toBe('ended');
          await suite.client.realtime.calls.hangup(callId);
        }
      }
    });

    it('fires both signed webhooks; the Live accept wins and the Realtime accept then fails', async () => {
      const { callId, sessionId, delivery } = await ring();
      expect(delivery.live).toMatchObject({ delivered: true, attempts: 1 });
      expect(delivery.realtime).toMatchObject({ delivered: true, attempts: 1 });
      const events = await Promise.all(
        receiver.received.map((r) =>
          suite.client.webhooks.unwrap(r.body, r.headers as Record<string, string>, WEBHOOK_SECRET),
        ),
      );
      const live = events.find((e) => e.type === 'live.transport.incoming');
      expect(live).toMatchObject({ data: { type: 'sip', session_id: sessionId } });
      expect(sessionId).toMatch(/^live_/);
      expect(events.find((e) => e.type === 'realtime.call.incoming')).toMatchObject({
        data: { call_id: callId },
      });
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      expect(new Set(ids).size).toBe(2);

      await suite.client.live.sessions.accept(sessionId, {
        session: { type: 'live', model: 'gpt-live-1', delegation: { type: 'client' } },
      });
      const lost = await suite.client.realtime.calls
        .accept(callId, { type: 'realtime' })
        .catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(OpenAI.BadRequestError);
      expect(lost).toMatchObject({ code: 'call_already_accepted' });
      expect(suite.sim.calls.find(callId)?.endedReason).toBe('answered_through_live');
      // The winner is untouched by its twin's end.
      expect(suite.sim.liveSessions.find(sessionId)?.state).toBe('active');
      expect(suite.sim.liveSessions.find(sessionId)?.endedDetail).toBeUndefined();

      const { events: sideband } = await suite.attach(sessionId);
      await sideband.next('session.started');
      const dtmf = await fetch(`${suite.sim.url}/__sim/live/sessions/${sessionId}/dtmf`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${suite.sim.apiKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ digits: '5#' }),
      });
      expect(dtmf.status).toBe(202);
      expect((await sideband.next('transport.dtmf.received')).event).toBe('5');
      expect((await sideband.next('transport.dtmf.received')).event).toBe('#');
      await suite.client.live.sessions.refer(sessionId, { target_uri: 'tel:+14155550199' });
      expect((await sideband.next('session.closed')).reason).toBe('close_requested');
      expect(suite.sim.liveSessions.find(sessionId)?.endedDetail).toBe('referred:tel:+14155550199');
    });

    it('the Realtime accept wins the other way round; a Live reject needs its status_code', async () => {
      const first = await ring();
      await suite.client.realtime.calls.accept(first.callId, { type: 'realtime' });
      const lost = await suite.client.live.sessions
        .accept(first.sessionId, { session: { type: 'live', model: 'gpt-live-1' } })
        .catch((e: unknown) => e);
      expect(lost).toMatchObject({ status: 400, code: 'session_already_accepted' });
      expect(suite.sim.calls.find(first.callId)?.state).toBe('active');
      expect(suite.sim.calls.find(first.callId)?.endedReason).toBeUndefined();
      expect(suite.sim.liveSessions.find(first.sessionId)?.endedDetail).toBe(
        'answered_through_realtime',
      );
      await suite.client.realtime.calls.hangup(first.callId);

      const second = await ring();
      const missing = await suite.client.live.sessions
        .reject(second.sessionId, {} as never)
        .catch((e: unknown) => e);
      expect(missing).toMatchObject({ status: 400, param: 'status_code' });
      expect(suite.sim.liveSessions.find(second.sessionId)?.state).toBe('ringing');
      await suite.client.live.sessions.reject(second.sessionId, { status_code: 486 });
      expect(suite.sim.liveSessions.find(second.sessionId)?.endedDetail).toBe('rejected:486');
      // Rejecting the phone call through one API ends its ringing twin too.
      expect(suite.sim.calls.find(second.callId)?.state).toBe('ended');
    });
  });
});
