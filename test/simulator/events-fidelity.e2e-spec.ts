import type { RealtimeSocket } from '../support/realtime-socket.js';
import { simulatorSuite } from '../support/simulator-suite.js';
import { simPost } from '../support/simulator-http.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

type Json = Record<string, unknown>;

/** Server events the SDKs parse, which the simulator sends and tests can script. */
describe('simulator: idle timeouts, input transcription deltas and failures, DTMF', () => {
  const h = simulatorSuite({
    name: 'events-fidelity',
    fallback: 'Are you still there?',
    rules: [{ when: { contains: 'hello' }, say: 'Hi.' }],
  });

  /** A WebSocket session, and its call id (the newest websocket call). */
  async function session(): Promise<{ socket: RealtimeSocket; callId: string }> {
    const socket = await h.open('model=gpt-realtime');
    await socket.stream.next('session.created');
    const calls = (await (
      await fetch(`${h.sim.url}/__sim/calls`, {
        headers: { authorization: `Bearer ${h.sim.apiKey}` },
      })
    ).json()) as { data: { id: string; kind: string; state: string }[] };
    const mine = calls.data.filter((c) => c.kind === 'websocket' && c.state === 'active').at(-1)!;
    return { socket, callId: mine.id };
  }

  it('prompts a silent caller: idle_timeout_ms after a response, the empty audio is committed and answered', async () => {
    const { socket } = await session();
    socket.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 5000 } } },
      },
    });
    await socket.stream.next('session.updated');
    socket.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hello' }] },
    });
    socket.send({ type: 'response.create' });
    await socket.stream.next('response.done');

    const timeout = await socket.stream.next('input_audio_buffer.timeout_triggered');
    expect(timeout).toMatchObject({ audio_start_ms: 0, audio_end_ms: 0 });
    const committed = await socket.stream.next('input_audio_buffer.committed');
    expect(committed.item_id).toBe(timeout.item_id);
    const answer = await socket.stream.next('response.done');
    expect(JSON.stringify(answer.response)).toContain('Are you still there?');
  });

  it('streams an input transcription as deltas, then the whole transcript', async () => {
    const { socket, callId } = await session();
    socket.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } },
      },
    });
    await socket.stream.next('session.updated');
    await simPost(h.sim, `/__sim/calls/${callId}/say`, { text: 'hello there friend' });
    const deltas = [
      await socket.stream.next('conversation.item.input_audio_transcription.delta'),
      await socket.stream.next('conversation.item.input_audio_transcription.delta'),
      await socket.stream.next('conversation.item.input_audio_transcription.delta'),
    ];
    expect(deltas.map((d) => d.delta).join('')).toBe('hello there friend');
    const done = await socket.stream.next('conversation.item.input_audio_transcription.completed');
    expect(done).toMatchObject({ transcript: 'hello there friend', item_id: deltas[0].item_id });
  });

  it('fails an input transcription when the turn says so (from /say or a scenario)', async () => {
    const { socket, callId } = await session();
    socket.send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { transcription: { model: 'whisper-1' } } } },
    });
    await socket.stream.next('session.updated');
    await simPost(h.sim, `/__sim/calls/${callId}/say`, {
      text: 'mumble',
      transcription_fails: true,
    });
    const failed = await socket.stream.next('conversation.item.input_audio_transcription.failed');
    expect(failed).toMatchObject({ content_index: 0, error: { code: 'audio_unintelligible' } });
    expect(socket.stream.types()).not.toContain(
      'conversation.item.input_audio_transcription.completed',
    );
    const bad = await simPost(h.sim, `/__sim/calls/${callId}/say`, {
      text: 'x',
      transcription_fails: 'yes',
    });
    expect(bad.status).toBe(400);
  });

  it('delivers DTMF a SIP caller presses, and refuses DTMF on other calls', async () => {
    const { callId: websocketCall } = await session();
    const refused = await simPost(h.sim, `/__sim/calls/${websocketCall}/dtmf`, { digits: '1' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: Json }).error.message).toBe(
      'DTMF arrives only on SIP calls.',
    );

    const receiver = new WebhookReceiver([200]);
    const url = await receiver.start();
    try {
      const incoming = h.sim.simulateIncomingCall({
        webhookUrl: url,
        secret: `whsec_${Buffer.from('events-fidelity-secret').toString('base64')}`,
        from: '+14155550100',
        to: '+18005550123',
        apis: ['realtime'],
      });
      await incoming.delivery;
      const callId = String(incoming.callId);
      await h.client.realtime.calls.accept(callId, { type: 'realtime' });
      const sideband = await h.open(`call_id=${callId}`);
      const bad = await simPost(h.sim, `/__sim/calls/${callId}/dtmf`, { digits: '1x' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: Json }).error.param).toBe('digits');
      const pressed = await simPost(h.sim, `/__sim/calls/${callId}/dtmf`, {
        digits: '4#',
      });
      expect(pressed.status).toBe(202);
      const keys = [
        await sideband.stream.next('input_audio_buffer.dtmf_event_received'),
        await sideband.stream.next('input_audio_buffer.dtmf_event_received'),
      ];
      expect(keys.map((k) => k.event)).toEqual(['4', '#']);
      expect(keys[0].received_at).toEqual(expect.any(Number));
    } finally {
      await receiver.close();
    }
  });
});
