import { randomBytes } from 'node:crypto';

import OpenAI, { InvalidWebhookSignatureError } from 'openai';

import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { RealtimeSocket } from '../support/realtime-socket.js';
import { inspectCall } from '../support/simulator-http.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { WeriftBrowser } from '../support/werift-browser.js';

const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

/**
 * The official `openai` SDK is the client here: if its types or checks reject what the simulator
 * sends, the simulator is wrong.
 */
describe('simulator: contract with the official openai SDK', () => {
  let sim: Simulator;
  let client: OpenAI;

  beforeAll(async () => {
    sim = await startSimulator({
      inspection: true,
      webhookDelivery: { attempts: 3, baseDelayMs: 10 },
    });
    client = new OpenAI({
      apiKey: sim.apiKey,
      baseURL: `${sim.url}/v1`,
      webhookSecret: WEBHOOK_SECRET,
      maxRetries: 0,
    });
  });
  afterAll(() => sim.close());

  describe('client secrets', () => {
    it('mints an ek_ key with the effective session', async () => {
      const before = Math.floor(Date.now() / 1000);
      const secret = await client.realtime.clientSecrets.create({
        expires_after: { anchor: 'created_at', seconds: 60 },
        session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Be brief.' },
      });
      expect(secret.value).toMatch(/^ek_[0-9a-f]{32}$/);
      expect(secret.expires_at).toBeGreaterThanOrEqual(before + 60);
      expect(secret.expires_at).toBeLessThanOrEqual(before + 61);
      expect(secret.session).toMatchObject({
        type: 'realtime',
        object: 'realtime.session',
        instructions: 'Be brief.',
      });
    });

    it('refuses an out-of-range TTL as a BadRequestError with code and param', async () => {
      const error = await client.realtime.clientSecrets
        .create({
          expires_after: { anchor: 'created_at', seconds: 5 },
          session: { type: 'realtime' },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({
        status: 400,
        code: 'invalid_value',
        param: 'expires_after.seconds',
        type: 'invalid_request_error',
      });
    });

    it('refuses an unknown key as an AuthenticationError', async () => {
      const stranger = new OpenAI({
        apiKey: 'sk-not-the-key',
        baseURL: `${sim.url}/v1`,
        maxRetries: 0,
      });
      const error = await stranger.realtime.clientSecrets
        .create({ session: { type: 'realtime' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    });
  });

  it('creates a WebRTC call with calls.create (multipart) and hangs it up', async () => {
    const browser = new WeriftBrowser();
    try {
      const response = await client.realtime.calls.create({
        sdp: await browser.offer(),
        session: { type: 'realtime', instructions: 'Hello from the SDK' },
      });
      expect(response.status).toBe(201);
      const callId = response.headers.get('location')?.split('/').pop() ?? '';
      expect(callId).toMatch(/^rtc_/);
      await browser.accept(await response.text());
      const created = await browser.stream.next('session.created');
      expect(created.session).toMatchObject({ instructions: 'Hello from the SDK' });
      await client.realtime.calls.hangup(callId);
      expect((await inspectCall(sim, callId)).ended_reason).toBe('hangup');
      const error = await client.realtime.calls.hangup(callId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({ code: 'call_id_not_found' });
    } finally {
      await browser.close();
    }
  });

  describe('SIP', () => {
    let receiver: WebhookReceiver;
    let webhookUrl: string;

    beforeEach(async () => {
      receiver = new WebhookReceiver([500, 200]);
      webhookUrl = await receiver.start();
    });
    afterEach(() => receiver.close());

    const ring = async () => {
      const incoming = sim.simulateIncomingCall({
        webhookUrl,
        secret: WEBHOOK_SECRET,
        from: '+14155550100',
        to: '+18005550123',
        // A project that listens with the Realtime API only (the double webhook is tested with Live).
        apis: ['realtime'],
      });
      const { realtime: delivery } = await incoming.delivery;
      return { callId: String(incoming.callId), delivery };
    };

    it('signs realtime.call.incoming so webhooks.unwrap accepts it, retrying after a 500', async () => {
      const { callId, delivery } = await ring();
      expect(delivery).toEqual({ delivered: true, attempts: 2, lastStatus: 200 });
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received;
      expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
      expect(second.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      const event = await client.webhooks.unwrap(
        second.body,
        second.headers as Record<string, string>,
      );
      expect(event.type).toBe('realtime.call.incoming');
      expect(event).toMatchObject({
        object: 'event',
        data: {
          call_id: callId,
          sip_headers: expect.arrayContaining([
            { name: 'From', value: 'sip:+14155550100@sip.example.com' },
          ]),
        },
      });
      await expect(
        client.webhooks.unwrap(
          second.body.replace(callId, 'rtc_forged'),
          second.headers as Record<string, string>,
        ),
      ).rejects.toBeInstanceOf(InvalidWebhookSignatureError);
      await expect(
        client.webhooks.unwrap(
          second.body,
          second.headers as Record<string, string>,
          `whsec_${randomBytes(24).toString('base64')}`,
        ),
      ).rejects.toBeInstanceOf(InvalidWebhookSignatureError);
    });

    it('gives up after the bounded number of attempts', async () => {
      const failing = new WebhookReceiver([503]);
      const url = await failing.start();
      try {
        const incoming = sim.simulateIncomingCall({
          webhookUrl: url,
          secret: WEBHOOK_SECRET,
          from: '+1',
          to: '+2',
          apis: ['realtime'],
        });
        expect(await incoming.delivery).toEqual({
          realtime: { delivered: false, attempts: 3, lastStatus: 503 },
        });
        expect(failing.received).toHaveLength(3);
      } finally {
        await failing.close();
      }
    });

    it('accepts a ringing call, which starts the session for a sideband to drive', async () => {
      const { callId } = await ring();
      expect((await inspectCall(sim, callId)).state).toBe('ringing');
      await client.realtime.calls.accept(callId, {
        type: 'realtime',
        model: 'gpt-realtime',
        instructions: 'You answer the phone.',
      });
      expect((await inspectCall(sim, callId)).state).toBe('active');
      const sideband = await RealtimeSocket.open(sim.url, `call_id=${callId}`, sim.apiKey);
      try {
        await fetch(`${sim.url}/__sim/calls/${callId}/say`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'hello there' }),
        });
        const done = await sideband.stream.next('response.done');
        expect((done.response as { status: string }).status).toBe('completed');
        const again = await client.realtime.calls
          .accept(callId, { type: 'realtime' })
          .catch((e: unknown) => e);
        expect(again).toMatchObject({ status: 400, code: 'call_already_accepted' });
        await client.realtime.calls.refer(callId, { target_uri: 'tel:+14155550123' });
        const inspected = await inspectCall(sim, callId);
        expect(inspected).toMatchObject({
          state: 'ended',
          ended_reason: 'referred:tel:+14155550123',
        });
      } finally {
        await sideband.closeAndWait();
      }
    });

    it('refuses the VAD fields SIP accept does not support', async () => {
      const { callId } = await ring();
      const error = await client.realtime.calls
        .accept(callId, {
          type: 'realtime',
          audio: { input: { turn_detection: { type: 'server_vad', silence_duration_ms: 300 } } },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({
        code: 'unsupported_parameter',
        param: 'audio.input.turn_detection.silence_duration_ms',
      });
      expect((await inspectCall(sim, callId)).state).toBe('ringing');
    });

    it('rejects with a SIP status (603 by default) and validates it', async () => {
      const first = await ring();
      await client.realtime.calls.reject(first.callId, { status_code: 486 });
      expect((await inspectCall(sim, first.callId)).ended_reason).toBe('rejected:486');
      const second = await ring();
      const bad = await client.realtime.calls
        .reject(second.callId, { status_code: 200 })
        .catch((e: unknown) => e);
      expect(bad).toMatchObject({ status: 400, param: 'status_code' });
      await client.realtime.calls.reject(second.callId);
      expect((await inspectCall(sim, second.callId)).ended_reason).toBe('rejected:603');
    });

    it('refuses refer before accept and with a bad target', async () => {
      const { callId } = await ring();
      const bad = await client.realtime.calls
        .refer(callId, { target_uri: 'mailto:x@y' })
        .catch((e: unknown) => e);
      expect(bad).toMatchObject({ status: 400, param: 'target_uri' });
      const early = await client.realtime.calls
        .refer(callId, { target_uri: 'tel:+1555' })
        .catch((e: unknown) => e);
      expect(early).toMatchObject({ status: 400 });
      await client.realtime.calls.hangup(callId);
    });

    it('answers accept/reject/refer on an unknown call with 404 call_id_not_found', async () => {
      for (const run of [
        () => client.realtime.calls.accept('rtc_unknown', { type: 'realtime' }),
        () => client.realtime.calls.reject('rtc_unknown'),
        () => client.realtime.calls.refer('rtc_unknown', { target_uri: 'tel:+1' }),
      ]) {
        const error = await run().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OpenAI.NotFoundError);
        expect(error).toMatchObject({ code: 'call_id_not_found' });
      }
    });
  });
});
