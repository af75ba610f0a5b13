import type { RealtimeSocket } from '../support/realtime-socket.js';
import { simulatorSuite } from '../support/simulator-suite.js';

type Json = Record<string, unknown>;

/** What the plain `/v1/realtime?model=` WebSocket does with keys and session updates. */
describe('simulator: the WebSocket session as the real API runs it', () => {
  const h = simulatorSuite({
    name: 'websocket-fidelity',
    fallback: 'No rule matched.',
    rules: [{ when: { any: true }, say: 'Forty-two characters of reply, exactly ok.' }],
  });

  it('applies the session an ek_ key was minted with, and the query cannot override it', async () => {
    const tool = {
      type: 'function' as const,
      name: 'lookup_order',
      description: 'Look up an order.',
      parameters: { type: 'object', properties: { orderNumber: { type: 'string' } } },
    };
    const secret = await h.client.realtime.clientSecrets.create({
      session: {
        type: 'realtime',
        model: 'gpt-realtime',
        instructions: 'Minted instructions.',
        tools: [tool],
      },
    });
    const socket = await h.open('model=gpt-realtime-mini', secret.value);
    const created = await socket.stream.next('session.created');
    expect(created.session).toMatchObject({
      model: 'gpt-realtime',
      instructions: 'Minted instructions.',
      tools: [expect.objectContaining({ name: 'lookup_order' })],
    });
  });

  it('gives an ek_ key minted without a model the default model, as WebRTC does, whatever the query says', async () => {
    const secret = await h.client.realtime.clientSecrets.create({});
    const socket = await h.open('model=gpt-realtime-mini', secret.value);
    const created = await socket.stream.next('session.created');
    expect((created.session as Json).model).toBe('gpt-realtime');
  });

  it('accepts a full session.update that repeats the session’s model, and refuses another model visibly', async () => {
    const socket = await h.open('model=gpt-realtime-2.1', h.sim.apiKey);
    await socket.stream.next('session.created');
    socket.send({
      type: 'session.update',
      event_id: 'evt_same',
      session: { type: 'realtime', model: 'gpt-realtime-2.1', instructions: 'Updated.' },
    });
    const updated = await socket.stream.next('session.updated');
    expect((updated.session as Json).instructions).toBe('Updated.');

    socket.send({
      type: 'session.update',
      event_id: 'evt_other',
      session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Not applied.' },
    });
    const refused = await socket.stream.next('error');
    expect(refused.error).toMatchObject({
      type: 'invalid_request_error',
      param: 'session.model',
      event_id: 'evt_other',
    });
  });

  /** A typed user turn and the reply to it; returns the reply's events. */
  async function reply(socket: RealtimeSocket) {
    socket.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] },
    });
    socket.send({ type: 'response.create' });
    const done = await socket.stream.next('response.done');
    const response = done.response as { id: string; output: { id: string }[]; usage: Json };
    const deltas = socket.stream.events.filter(
      (e) => e.type === 'response.output_audio.delta' && e.response_id === response.id,
    );
    const bytes = deltas.reduce((sum, e) => sum + Buffer.from(String(e.delta), 'base64').length, 0);
    return { response, itemId: response.output[0].id, bytes, deltas };
  }

  const REPLY = 'Forty-two characters of reply, exactly ok.';
  const MS_PER_CHAR = 50;

  it('sends as many audio bytes as the reply takes to say, in the session’s output format, and bills the same duration', async () => {
    const socket = await h.open('model=gpt-realtime', h.sim.apiKey);
    await socket.stream.next('session.created');
    const pcm = await reply(socket);
    const ms = REPLY.length * MS_PER_CHAR;
    expect(pcm.bytes).toBe((ms * 24000 * 2) / 1000);
    expect((pcm.response.usage.output_token_details as { audio_tokens: number }).audio_tokens).toBe(
      ms / 50,
    );

    socket.send({
      type: 'session.update',
      session: { type: 'realtime', audio: { output: { format: { type: 'audio/pcmu' } } } },
    });
    await socket.stream.next('session.updated');
    const ulaw = await reply(socket);
    expect(ulaw.bytes).toBe((ms * 8000) / 1000);
    expect(new Set(Buffer.from(String(ulaw.deltas[0].delta), 'base64'))).toEqual(new Set([0xff]));
  });

  it('truncates the unheard part of a reply’s transcript, and refuses a cut past its audio or on a part that is not audio', async () => {
    const socket = await h.open('model=gpt-realtime', h.sim.apiKey);
    await socket.stream.next('session.created');
    const { itemId } = await reply(socket);
    const duration = REPLY.length * MS_PER_CHAR;

    socket.send({
      type: 'conversation.item.truncate',
      event_id: 'evt_past',
      item_id: itemId,
      content_index: 0,
      audio_end_ms: duration + 1,
    });
    const past = await socket.stream.next('error');
    expect(past.error).toMatchObject({
      code: 'invalid_value',
      param: 'audio_end_ms',
      event_id: 'evt_past',
      message: `Audio content of ${duration}ms is already shorter than ${duration + 1}ms`,
    });
    socket.send({
      type: 'conversation.item.truncate',
      event_id: 'evt_index',
      item_id: itemId,
      content_index: 1,
      audio_end_ms: 0,
    });
    expect((await socket.stream.next('error')).error).toMatchObject({ param: 'content_index' });

    socket.send({
      type: 'conversation.item.truncate',
      item_id: itemId,
      content_index: 0,
      audio_end_ms: 500,
    });
    expect(await socket.stream.next('conversation.item.truncated')).toMatchObject({
      item_id: itemId,
      content_index: 0,
      audio_end_ms: 500,
    });
    socket.send({ type: 'conversation.item.retrieve', item_id: itemId });
    const retrieved = await socket.stream.next('conversation.item.retrieved');
    const content = (retrieved.item as { content: { transcript: string; audio: string }[] })
      .content;
    expect(content[0].transcript).toBe(REPLY.slice(0, 500 / MS_PER_CHAR));
    // The retrieved item carries its audio: what is left of it, 500 ms of 24 kHz PCM16.
    expect(Buffer.from(content[0].audio, 'base64')).toHaveLength((500 * 24000 * 2) / 1000);
  });
});
