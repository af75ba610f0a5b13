import type { EndedEvent } from './call-events.js';
import { SwitchboardError } from './errors.js';
import {
  FakeAudio,
  FakeEventStream,
  FakePeerConnection,
  FakeServer,
  FakeStream,
  installFakeBrowser,
  json,
  sessionView,
  until,
} from './testing/fake-browser.js';
import { connectVoice, type ConnectVoiceOptions, type VoiceCall } from './voice-call.js';

const BASE = 'http://switchboard.test';
const TOKEN = 'user-jwt';

describe('connectVoice', () => {
  let server: FakeServer;
  let events = new FakeEventStream();
  let microphone: FakeStream;
  let uninstall: () => void;
  let micRequests: number;

  beforeEach(() => {
    server = new FakeServer();
    microphone = new FakeStream();
    micRequests = 0;
    server
      .on('POST /v1/sessions', () => json(201, sessionView()))
      .on('POST /v1/sessions/ses_1/sdp', () => new Response('v=0 answer', { status: 201 }))
      // Each connection to the stream gets a fresh one; the test writes into the latest.
      .on('GET /v1/sessions/ses_1/events', () => (events = new FakeEventStream()).response)
      .on('GET /v1/sessions/ses_1', () => json(200, sessionView({ state: 'active' })))
      .on('DELETE /v1/sessions/ses_1', () =>
        json(200, sessionView({ state: 'ended', endReason: 'user_ended' })),
      );
    uninstall = installFakeBrowser(server, async () => {
      micRequests += 1;
      return microphone;
    });
  });
  afterEach(() => uninstall());

  const pc = () => FakePeerConnection.made[0];

  /** Connects, opening the data channel once the answer was applied, as the far end would. */
  async function connected(options: Partial<ConnectVoiceOptions> = {}): Promise<VoiceCall> {
    const connecting = connectVoice({ baseUrl: BASE, getToken: () => TOKEN, ...options });
    await until(() => pc()?.remoteDescription);
    pc().channel?.open();
    pc().become('connected');
    return connecting;
  }

  function endedOf(call: VoiceCall): Promise<EndedEvent> {
    return new Promise((resolve) => call.on('ended', resolve));
  }

  function released() {
    return {
      peerConnection: pc().connectionState,
      channel: pc().channel?.readyState,
      microphone: microphone.tracks.map((track) => track.readyState),
    };
  }

  it('opens the session, sends the offer through Switchboard with the user token, and resolves once connected', async () => {
    const call = await connected({ agent: 'kiosk' });
    expect(call.state).toBe('connected');
    expect(JSON.parse(server.sent('POST /v1/sessions')[0].body ?? '')).toEqual({ agent: 'kiosk' });
    const [offer] = server.sent('POST /v1/sessions/ses_1/sdp');
    expect(offer.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/sdp',
    });
    expect(offer.body).toBe('v=0 offer');
    expect(pc().remoteDescription).toEqual({ type: 'answer', sdp: 'v=0 answer' });
    expect(pc().channel?.label).toBe('oai-events');
    expect(pc().tracks).toEqual(microphone.tracks);
    // The page's events come from Switchboard, with the same token.
    expect(server.sent('GET /v1/sessions/ses_1/events')[0].headers.authorization).toBe(
      `Bearer ${TOKEN}`,
    );
  });

  it('reports tool calls, approvals, knowledge and warnings from Switchboard’s events, without their type field', async () => {
    const call = await connected();
    const seen: unknown[] = [];
    call.on('tool', (event) => seen.push(['tool', event]));
    call.on('approval', (event) => seen.push(['approval', event]));
    call.on('knowledge', (event) => seen.push(['knowledge', event]));
    call.on('warning', (event) => seen.push(['warning', event]));
    events.push(1, 'state', { state: 'active' });
    events.push(2, 'tool', {
      tool: 'issue_refund',
      toolCallId: 'call_1',
      outcome: 'pending_approval',
      actionId: 'act_1',
    });
    events.push(3, 'approval', { actionId: 'act_1', status: 'approved' });
    events.push(4, 'knowledge', { given: [{ documentId: 'doc_1', version: 2, title: 'Returns' }] });
    events.push(5, 'warning', { reason: 'budget_warning' });
    await until(() => seen.length === 4);
    expect(seen).toEqual([
      [
        'tool',
        {
          tool: 'issue_refund',
          toolCallId: 'call_1',
          outcome: 'pending_approval',
          actionId: 'act_1',
        },
      ],
      ['approval', { actionId: 'act_1', status: 'approved' }],
      ['knowledge', { given: [{ documentId: 'doc_1', version: 2, title: 'Returns' }] }],
      ['warning', { reason: 'budget_warning' }],
    ]);
  });

  it('turns data-channel transcripts into whole lines, and the voice API’s errors into error events', async () => {
    const call = await connected();
    const lines: unknown[] = [];
    const errors: SwitchboardError[] = [];
    call.on('transcript', (line) => lines.push(line));
    call.on('error', (error) => errors.push(error));
    const channel = pc().channel!;
    channel.receive({
      type: 'conversation.item.input_audio_transcription.completed',
      item_id: 'it_1',
      transcript: 'Hi',
    });
    channel.receive({
      type: 'response.output_audio_transcript.delta',
      item_id: 'it_2',
      delta: 'Hel',
    });
    channel.receive({
      type: 'response.output_audio_transcript.delta',
      item_id: 'it_2',
      delta: 'lo',
    });
    channel.receive({
      type: 'response.output_audio_transcript.done',
      item_id: 'it_2',
      transcript: 'Hello',
    });
    channel.receive({ type: 'error', error: { code: 'invalid_value', message: 'Bad thing' } });
    expect(lines).toEqual([
      { id: 'it_1', role: 'user', text: 'Hi', final: true },
      { id: 'it_2', role: 'assistant', text: 'Hel', final: false },
      { id: 'it_2', role: 'assistant', text: 'Hello', final: false },
      { id: 'it_2', role: 'assistant', text: 'Hello', final: true },
    ]);
    expect(errors.map((error) => [error.code, error.message])).toEqual([
      ['invalid_value', 'Bad thing'],
    ]);
  });

  it('types a turn and starts its answer, waiting for a running response to finish first', async () => {
    const call = await connected();
    const channel = pc().channel!;
    call.sendText('  where is order 10042  ');
    expect(channel.sent).toEqual([
      {
        type: 'conversation.item.create',
        item: {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'where is order 10042' }],
        },
      },
      // With an id of its own, so a refusal of it can be told from others.
      { type: 'response.create', event_id: expect.stringMatching(/^evt_page_\d+$/) },
    ]);
    channel.receive({ type: 'response.created', response: { id: 'resp_1' } });
    call.sendText('and 10043?');
    expect(channel.types()).toEqual([
      'conversation.item.create',
      'response.create',
      'conversation.item.create',
    ]);
    channel.receive({ type: 'response.done', response: { id: 'resp_1' } });
    expect(channel.types().at(-1)).toBe('response.create');
    expect(() => call.sendText('   ')).toThrow(expect.objectContaining({ code: 'EMPTY_TEXT' }));
  });

  it('asks again, quietly, when its response.create lost the race to turn detection', async () => {
    const call = await connected();
    const channel = pc().channel!;
    const errors: string[] = [];
    call.on('error', (error) => errors.push(error.code));
    call.sendText('hello');
    const asked = channel.sent.at(-1) as { event_id: string };
    // Turn detection's response started first; then the page's request is refused by its id.
    channel.receive({ type: 'response.created', response: { id: 'resp_vad' } });
    channel.receive({
      type: 'error',
      error: { code: 'conversation_already_has_active_response', event_id: asked.event_id },
    });
    expect(errors).toEqual([]);
    channel.receive({ type: 'response.done', response: { id: 'resp_vad' } });
    expect(channel.types().at(-1)).toBe('response.create');
    // Refused for another reason: said, and the next typed turn is not held back by it.
    const again = channel.sent.at(-1) as { event_id: string };
    channel.receive({ type: 'error', error: { code: 'invalid_value', event_id: again.event_id } });
    expect(errors).toEqual(['invalid_value']);
    call.sendText('still there?');
    expect(channel.types().slice(-2)).toEqual(['conversation.item.create', 'response.create']);
  });

  it('does not end a call whose connection came back while Switchboard was asked about it', async () => {
    let answer: (res: Response) => void = () => undefined;
    server.on(
      'GET /v1/sessions/ses_1',
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );
    const call = await connected({ reconnectTimeoutMs: 1 });
    pc().become('disconnected');
    await until(() => server.sent('GET /v1/sessions/ses_1').length === 1);
    pc().become('connected');
    answer(json(200, sessionView({ state: 'active' })));
    await until(() => call.state === 'connected');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(call.state).toBe('connected');
    expect(server.sent('DELETE /v1/sessions/ses_1')).toHaveLength(0);
    await call.hangup();
  });

  it('gives up connecting when the page aborts, with HUNG_UP, and ends the session', async () => {
    const abort = new AbortController();
    const connecting = connectVoice({ baseUrl: BASE, getToken: () => TOKEN, signal: abort.signal });
    await until(() => pc()?.remoteDescription);
    abort.abort();
    await expect(connecting).rejects.toMatchObject({ code: 'HUNG_UP' });
    expect(pc().connectionState).toBe('closed');
    await until(() => server.sent('DELETE /v1/sessions/ses_1').length >= 1);
  });

  it('leaves the answer to Switchboard in `server` sessions, and refuses typing for GPT-Live agents', async () => {
    server.on('POST /v1/sessions', () =>
      json(201, sessionView({ typedText: { supported: true, pageStartsResponse: false } })),
    );
    const call = await connected();
    call.sendText('hello');
    expect(pc().channel?.types()).toEqual(['conversation.item.create']);
    await call.hangup();

    FakePeerConnection.made.length = 0;
    server.on('POST /v1/sessions', () =>
      json(
        201,
        sessionView({
          api: 'live',
          agent: 'live',
          typedText: { supported: false, pageStartsResponse: false },
        }),
      ),
    );
    const live = await connected();
    expect(() => live.sendText('hello')).toThrow(
      expect.objectContaining({ code: 'TEXT_INPUT_UNSUPPORTED' }),
    );
    live.mute(true);
    expect(microphone.tracks[0].enabled).toBe(false);
    expect(pc().channel?.types()).toEqual(['session.input_audio.mute']);
    live.mute(false);
    expect(microphone.tracks[0].enabled).toBe(true);
  });

  it('ends with the server’s reason when Switchboard ends the session, releasing everything', async () => {
    const call = await connected();
    const states: string[] = [];
    call.on('state', (state) => states.push(state));
    const ended = endedOf(call);
    events.push(9, 'ended', { state: 'revoked', reason: 'fraud suspected' });
    expect(await ended).toEqual({ reason: 'fraud suspected', by: 'server', state: 'revoked' });
    expect(states).toEqual(['ended']);
    expect(released()).toEqual({
      peerConnection: 'closed',
      channel: 'closed',
      microphone: ['ended'],
    });
    expect(() => call.sendText('still there?')).toThrow(
      expect.objectContaining({ code: 'NOT_CONNECTED' }),
    );
  });

  it('rides out a short network drop: reconnecting, then connected again', async () => {
    const call = await connected({ reconnectTimeoutMs: 60_000 });
    const states: string[] = [];
    call.on('state', (state) => states.push(state));
    pc().become('disconnected');
    pc().become('connected');
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(server.sent('DELETE /v1/sessions/ses_1')).toHaveLength(0);
    await call.hangup();
  });

  it('ends as network_lost when the connection does not come back, and ends the session on the server too', async () => {
    const call = await connected({ reconnectTimeoutMs: 5 });
    const ended = endedOf(call);
    pc().become('disconnected');
    expect(call.state).toBe('reconnecting');
    expect(await ended).toEqual({ reason: 'network_lost', by: 'network' });
    await until(() => server.sent('DELETE /v1/sessions/ses_1').length === 1);
    expect(released()).toEqual({
      peerConnection: 'closed',
      channel: 'closed',
      microphone: ['ended'],
    });
  });

  it('asks Switchboard why when the channel closes, and reports that reason', async () => {
    server.on('GET /v1/sessions/ses_1', () =>
      json(200, sessionView({ state: 'ended', endReason: 'max_duration' })),
    );
    const call = await connected();
    const ended = endedOf(call);
    pc().channel?.closeRemotely();
    expect(await ended).toEqual({ reason: 'max_duration', by: 'server', state: 'ended' });
    expect(server.sent('DELETE /v1/sessions/ses_1')).toHaveLength(0);
  });

  it('rejects with MICROPHONE_DENIED and ends the session it opened, without a peer connection', async () => {
    uninstall();
    uninstall = installFakeBrowser(server, async () => {
      throw Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    });
    const failure = await connectVoice({ baseUrl: BASE, getToken: () => TOKEN }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SwitchboardError);
    expect(failure).toMatchObject({
      code: 'MICROPHONE_DENIED',
      message: expect.stringMatching(/Allow it for this site/),
    });
    expect(server.sent('DELETE /v1/sessions/ses_1')).toHaveLength(1);
    expect(FakePeerConnection.made).toHaveLength(0);
  });

  it('rejects with the server’s own code when Switchboard refuses, and releases what it opened', async () => {
    server.on('POST /v1/sessions/ses_1/sdp', () =>
      json(409, {
        code: 'SESSION_STATE_CONFLICT',
        detail: 'Session ses_1 is already connected (one connection per session).',
      }),
    );
    const failure = await connectVoice({ baseUrl: BASE, getToken: () => TOKEN }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      code: 'SESSION_STATE_CONFLICT',
      status: 409,
      message: expect.stringMatching(/already connected/),
    });
    expect(released()).toEqual({
      peerConnection: 'closed',
      channel: 'closed',
      microphone: ['ended'],
    });
    expect(server.sent('DELETE /v1/sessions/ses_1')).toHaveLength(1);

    server.on('POST /v1/sessions', () =>
      json(429, { code: 'SESSION_LIMIT_REACHED', detail: 'Too many sessions.' }),
    );
    await expect(connectVoice({ baseUrl: BASE, getToken: () => TOKEN })).rejects.toMatchObject({
      code: 'SESSION_LIMIT_REACHED',
      status: 429,
    });
  });

  it('hangs up: ends the session, and leaves a microphone and audio element the page passed in to the page', async () => {
    const audio = new FakeAudio();
    const call = await connected({
      microphone: microphone as unknown as MediaStream,
      audioElement: audio as unknown as HTMLAudioElement,
    });
    expect(micRequests).toBe(0);
    pc().ontrack?.({ streams: ['remote stream'], track: {} });
    expect(audio.srcObject).toBe('remote stream');
    const ended = endedOf(call);
    await call.hangup();
    expect(await ended).toEqual({ reason: 'hangup', by: 'page' });
    expect(server.sent('DELETE /v1/sessions/ses_1')).toHaveLength(1);
    expect(pc().connectionState).toBe('closed');
    expect(microphone.tracks[0].readyState).toBe('live');
    expect({ srcObject: audio.srcObject, removed: audio.removed }).toEqual({
      srcObject: null,
      removed: false,
    });
    await call.hangup();
    expect(server.sent('DELETE /v1/sessions/ses_1')).toHaveLength(1);
  });

  it('connects in ephemeral mode: the minted secret goes to the calls URL Switchboard names, then the call is bound', async () => {
    server
      .on('POST /v1/sessions', () =>
        json(
          201,
          sessionView({
            mode: 'ephemeral',
            connect: {
              clientSecretUrl: '/v1/sessions/ses_1/client-secret',
              callUrl: '/v1/sessions/ses_1/call',
            },
          }),
        ),
      )
      .on('POST /v1/sessions/ses_1/client-secret', () =>
        json(201, {
          value: 'ek_1',
          expiresAt: '2026-12-04T21:00:00.000Z',
          callsUrl: 'http://openai.test/v1/realtime/calls',
        }),
      )
      .on(
        'POST /v1/realtime/calls',
        () =>
          new Response('v=0 answer', {
            status: 201,
            headers: { location: '/v1/realtime/calls/rtc_9' },
          }),
      )
      .on('POST /v1/sessions/ses_1/call', () =>
        json(201, sessionView({ mode: 'ephemeral', state: 'active' })),
      );
    await connected({ mode: 'ephemeral' });
    const [toOpenAI] = server.sent('POST /v1/realtime/calls');
    expect(toOpenAI.headers.authorization).toBe('Bearer ek_1');
    expect(JSON.parse(server.sent('POST /v1/sessions/ses_1/call')[0].body ?? '')).toEqual({
      callId: 'rtc_9',
    });
  });
});
