import type { ResponseStreamEvent } from 'openai/resources/responses/responses';

import { liveSimulatorSuite, sayToLive } from '../support/live-sim-clients.js';
import { type RealtimeEvent } from '../support/event-stream.js';
import { WeriftBrowser } from '../support/werift-browser.js';

const nested = (e: RealtimeEvent) => e.event as ResponseStreamEvent;

/**
 * Adversarial checks of the GPT-Live simulator against the `openai` package's own types
 * (`resources/live/live.d.ts`, `live/sideband/sideband.d.ts`, `responses/responses.d.ts`).
 * Each test asserts the behaviour those types (or the README) promise.
 */
describe('simulator: GPT-Live adversarial checks', () => {
  const suite = liveSimulatorSuite({
    webhookDelivery: { attempts: 2, baseDelayMs: 10 },
    scenario: {
      rules: [
        {
          when: { contains: 'weather' },
          callTools: [{ name: 'web_search', arguments: { query: 'weather in Paris' } }],
          afterTools: 'I found {{output.web_search}}',
        },
        { when: { contains: 'hello' }, say: 'Hi there!' },
      ],
    },
  });

  it('output_item.added of a hosted call carries every field its Responses item type requires', async () => {
    // ResponseOutputItemAddedEvent.item is a ResponseOutputItem; ResponseFunctionWebSearch
    // requires `action` (responses.d.ts), in the added snapshot as much as in the done one.
    const { socket, id } = await suite.primary({
      delegation: {
        type: 'responses',
        responses: { model: 'gpt-5.5', tools: [{ type: 'web_search' }] },
      },
    });
    await sayToLive(suite.sim, id, 'what is the weather');
    const added = await socket.events.next(
      'response.event',
      (e) =>
        nested(e).type === 'response.output_item.added' &&
        (nested(e) as { item: { type: string } }).item.type === 'web_search_call',
    );
    const item = (added.event as { item: Record<string, unknown> }).item;
    expect(item).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        type: 'web_search_call',
        status: 'in_progress',
        action: expect.objectContaining({ type: expect.any(String) }),
      }),
    );
  });

  it('reflects primary input audio to the sideband as session.input_audio.append, also while muted', async () => {
    // live.d.ts ServerEvent.SessionInputAudioAppend: "Input audio received from the primary
    // transport and reflected to a Live sideband connection before model-input muting."
    const { socket, id } = await suite.primary({
      audio: { format: { type: 'audio/pcm', rate: 24000 } },
    });
    const { events } = await suite.attach(id);
    await events.next('session.started');
    socket.send({
      type: 'session.input_audio.append',
      audio: Buffer.alloc(4800).toString('base64'),
    });
    socket.send({ type: 'session.input_audio.mute' });
    socket.send({
      type: 'session.input_audio.append',
      audio: Buffer.alloc(4800).toString('base64'),
    });
    socket.send({ type: 'session.instructions.append', content: 'marker', delegation_id: null });
    await events.next('session.instructions.appended');
    const reflected = events.events.filter((e) => e.type === 'session.input_audio.append');
    const bytes = reflected.reduce(
      (sum, e) => sum + Buffer.from(e.audio as string, 'base64').length,
      0,
    );
    // 24 kHz PCM16 in, 24 kHz PCM16 reflected: the same 9600 bytes.
    expect(bytes).toBe(9600);
  });

  it('an injected caller turn (/say) is not heard while input is muted', async () => {
    // InputAudioMutedEvent: "An independent input mute sends silence to the model";
    // README: "Muted input reaches no one."
    const { socket, id } = await suite.primary();
    socket.send({ type: 'session.input_audio.mute' });
    await socket.events.next('session.input_audio.muted');
    await sayToLive(suite.sim, id, 'hello there');
    socket.send({ type: 'session.instructions.append', content: 'marker', delegation_id: null });
    await socket.events.next('session.instructions.appended');
    expect(socket.events.types()).not.toContain('session.input_transcript.delta');
    expect(suite.sim.liveSessions.find(id)!.voice.heard).toEqual([]);
  });

  it('refuses a session.update without its required session as a missing parameter', async () => {
    // SessionUpdateEvent.session is required (live.d.ts).
    const { socket } = await suite.primary();
    socket.send({ type: 'session.update', event_id: 'evt_no_session' });
    const refused = await socket.events.next('error');
    expect(refused.error).toMatchObject({
      code: 'missing_required_parameter',
      param: 'session',
      client_event_id: 'evt_no_session',
    });
  });

  it('a server event too large for the page is replaced by an error in Live’s shape', async () => {
    // 16,384 tokens of instructions are allowed; session.started then exceeds werift's 64 KiB.
    const browser = new WeriftBrowser();
    suite.later(() => browser.close());
    const created = await suite.client.live.create({
      session: { model: 'gpt-live-1', instructions: 'a'.repeat(65_536) },
      transport: { type: 'webrtc', sdp: await browser.offer() },
    });
    await browser.accept(created.transport.sdp);
    // Whatever reaches the page first (no second waiter left running).
    while (browser.stream.events.length === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const first = browser.stream.events[0];
    expect(first.type).toBe('error');
    // live.d.ts `Error`: code, message, type, param?: string, client_event_id?: string.
    const error = first.error as Record<string, unknown>;
    expect(error).toMatchObject({ code: 'server_event_too_large', type: 'server_error' });
    expect(typeof error.message).toBe('string');
    expect(error.param === undefined || typeof error.param === 'string').toBe(true);
    const known = ['code', 'message', 'type', 'param', 'client_event_id'];
    expect(Object.keys(error).filter((key) => !known.includes(key))).toEqual([]);
  });
});
