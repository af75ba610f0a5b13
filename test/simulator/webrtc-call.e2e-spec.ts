import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { RealtimeEvent } from '../support/event-stream.js';
import { RealtimeSocket } from '../support/realtime-socket.js';
import {
  callIdFrom,
  createCallMultipart,
  inspectCall,
  simPost,
} from '../support/simulator-http.js';
import { WeriftBrowser } from '../support/werift-browser.js';

const LOOKUP_ORDER = {
  type: 'function',
  name: 'lookup_order',
  description: 'Look up an order',
  parameters: {
    type: 'object',
    properties: { orderNumber: { type: 'string' } },
    required: ['orderNumber'],
  },
};

/**
 * A full call as a browser and Switchboard would make it: WebRTC with werift as the browser, the
 * server's sideband WebSocket, a spoken turn detected from real RTP audio, a tool call answered over
 * the sideband, and the spoken reply coming back as RTP.
 */
describe('simulator: a WebRTC call with a sideband', () => {
  let sim: Simulator;
  let browser: WeriftBrowser;
  let sideband: RealtimeSocket;
  let callId: string;

  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, timeScale: 0.2 });
    browser = new WeriftBrowser();
    const res = await createCallMultipart(sim, await browser.offer(), {
      type: 'realtime',
      instructions: 'You are a helpful shop assistant.',
      audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/sdp');
    expect(res.headers.get('location')).toMatch(/^\/v1\/realtime\/calls\/rtc_[0-9a-f]{32}$/);
    callId = callIdFrom(res);
    await browser.accept(await res.text());
    sideband = await RealtimeSocket.open(sim.url, `call_id=${callId}`, sim.apiKey);
  });

  afterAll(async () => {
    await sideband?.closeAndWait();
    await browser?.close();
    await sim?.close();
  });

  it('answers with one Opus audio m-line and the data channel, and greets on the channel', async () => {
    const created = await browser.stream.next('session.created');
    expect(created.session).toMatchObject({
      object: 'realtime.session',
      instructions: 'You are a helpful shop assistant.',
    });
    await browser.stream.next('conversation.created');
    expect(browser.connectionState).toBe('connected');
  });

  it('applies a sideband session.update and fans session.updated out to both connections', async () => {
    sideband.send({ type: 'session.update', session: { type: 'realtime', tools: [LOOKUP_ORDER] } });
    const onSideband = await sideband.stream.next('session.updated');
    const onChannel = await browser.stream.next('session.updated');
    expect(onSideband.event_id).toBe(onChannel.event_id);
    expect((onSideband.session as { tools: unknown[] }).tools).toEqual([LOOKUP_ORDER]);
  });

  it('detects a spoken turn in the RTP audio and proposes the scenario tool call', async () => {
    await browser.speak(600, 700);
    const started = await sideband.stream.next('input_audio_buffer.speech_started');
    const stopped = await sideband.stream.next('input_audio_buffer.speech_stopped');
    expect(stopped.item_id).toBe(started.item_id);
    expect(stopped.audio_end_ms as number).toBeGreaterThan(started.audio_start_ms as number);
    await sideband.stream.next(
      'input_audio_buffer.committed',
      (e) => e.item_id === started.item_id,
    );
    const transcript = await sideband.stream.next(
      'conversation.item.input_audio_transcription.completed',
    );
    expect(transcript.transcript).toBe('Where is my order 10042?');
    await sideband.stream.next('response.created');
    const args = await sideband.stream.next('response.function_call_arguments.done');
    expect(args).toMatchObject({ name: 'lookup_order', arguments: '{"orderNumber":"10042"}' });
    const done = await sideband.stream.next('response.output_item.done');
    expect(done.item).toMatchObject({
      type: 'function_call',
      status: 'completed',
      name: 'lookup_order',
      call_id: args.call_id,
      arguments: '{"orderNumber":"10042"}',
    });
    const response = await sideband.stream.next('response.done');
    expect((response.response as { status: string }).status).toBe('completed');
    // The browser saw the very same events (fan-out).
    await browser.stream.next('response.output_item.done', (e) => e.event_id === done.event_id);
  });

  it('takes the function_call_output from the sideband and says a reply with it, as audio', async () => {
    const call = sideband.stream.events.find(
      (e) => e.type === 'response.function_call_arguments.done',
    ) as RealtimeEvent;
    sideband.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: call.call_id, output: '{"status":"shipped"}' },
    });
    await sideband.stream.next(
      'conversation.item.done',
      (e) => (e.item as { type: string }).type === 'function_call_output',
    );
    sideband.send({ type: 'response.create' });
    await sideband.stream.next('output_audio_buffer.started');
    const transcriptDone = await sideband.stream.next('response.output_audio_transcript.done');
    expect(transcriptDone.transcript).toBe(
      'Here is what I found about your order: {"status":"shipped"}',
    );
    const done = await sideband.stream.next('response.done');
    const response = done.response as {
      status: string;
      output: { content: unknown[] }[];
      usage: Record<string, unknown>;
    };
    expect(response.status).toBe('completed');
    expect(response.output[0].content).toEqual([
      { type: 'output_audio', transcript: transcriptDone.transcript },
    ]);
    expect(response.usage).toMatchObject({
      output_token_details: { text_tokens: Math.ceil(59 / 4), audio_tokens: 59 },
    });
    await sideband.stream.next('output_audio_buffer.stopped');
    expect(browser.rtpReceived).toBeGreaterThan(10);
    const inspected = await inspectCall(sim, callId);
    expect(inspected.audio.packetsIn).toBeGreaterThan(50);
    expect(inspected.audio.packetsOut).toBeGreaterThan(10);
  });

  it('logs every event in and out with where it came from', async () => {
    const { events } = await inspectCall(sim, callId);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          direction: 'in',
          via: 'sideband',
          event: expect.objectContaining({ type: 'session.update' }),
        }),
        expect.objectContaining({
          direction: 'out',
          via: 'datachannel',
          event: expect.objectContaining({ type: 'session.created' }),
        }),
        expect.objectContaining({
          direction: 'out',
          event: expect.objectContaining({ type: 'response.done' }),
        }),
      ]),
    );
  });

  it('hangs up: the sideband is closed and the call is gone', async () => {
    const res = await simPost(sim, `/v1/realtime/calls/${callId}/hangup`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await new Promise<void>((resolve) =>
      sideband.closed ? resolve() : sideband.ws.once('close', () => resolve()),
    );
    expect(sideband.closed).toEqual({ code: 1000, reason: 'hangup' });
    expect((await inspectCall(sim, callId)).state).toBe('ended');
    const again = await simPost(sim, `/v1/realtime/calls/${callId}/hangup`);
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({
      error: {
        message: 'No session found for the provided call_id',
        type: 'invalid_request_error',
        param: '',
        code: 'call_id_not_found',
      },
    });
  });
});
