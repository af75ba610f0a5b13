import type { EndedEvent } from './call-events.js';
import { SwitchboardError } from './errors.js';
import {
  SessionEvents,
  type SessionEventsEnd,
  type StreamedSessionEvent,
} from './session-events.js';
import { pending, RawEventStream, settledWithin } from './testing/adversarial-fakes.js';
import {
  FakeEventStream,
  FakePeerConnection,
  FakeServer,
  FakeStream,
  installFakeBrowser,
  json,
  sessionView,
  until,
} from './testing/fake-browser.js';
import { connectVoice, type ConnectVoiceOptions, VoiceCall } from './voice-call.js';

const BASE = 'http://switchboard.test';
const EVENTS = 'GET /v1/sessions/ses_1/events';
const URL_ = `${BASE}/v1/sessions/ses_1/events`;

function follow(server: FakeServer, retryDelaysMs: number[] = [1, 1]) {
  const events: StreamedSessionEvent[] = [];
  let stream!: SessionEvents;
  const ended = new Promise<SessionEventsEnd>((resolve) => {
    stream = new SessionEvents({
      url: URL_,
      getToken: () => 'token',
      onEvent: (event) => events.push(event),
      onEnd: resolve,
      retryDelaysMs,
      fetch: server.fetch as typeof fetch,
    });
  });
  return { events, ended, stop: () => stream.stop() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SessionEvents under adversarial streams', () => {
  it('joins a block split across chunks in the middle of a line', async () => {
    const raw = new RawEventStream();
    const server = new FakeServer().on(EVENTS, () => raw.response);
    const { events, stop } = follow(server);
    await until(() => server.requests.length === 1);
    raw.write('id: 3\nevent: to');
    raw.write('ol\ndata: {"tool":"look');
    raw.write('up_order"}\n');
    raw.write('\n');
    await until(() => events.length === 1);
    expect(events).toEqual([{ id: '3', type: 'tool', data: { tool: 'lookup_order' } }]);
    stop();
  });

  it('keeps a multi-byte UTF-8 character whole when a chunk splits it', async () => {
    const raw = new RawEventStream();
    const server = new FakeServer().on(EVENTS, () => raw.response);
    const { events, stop } = follow(server);
    await until(() => server.requests.length === 1);
    const bytes = new TextEncoder().encode('id: 5\nevent: warning\ndata: {"reason":"€ 🎧 ü"}\n\n');
    const euro = bytes.indexOf(0xe2);
    const headphones = bytes.indexOf(0xf0);
    raw.write(bytes.slice(0, euro + 1));
    raw.write(bytes.slice(euro + 1, headphones + 2));
    raw.write(bytes.slice(headphones + 2));
    await until(() => events.length === 1);
    expect(events[0].data).toEqual({ reason: '€ 🎧 ü' });
    stop();
  });

  it('reads CRLF line endings', async () => {
    const raw = new RawEventStream();
    const server = new FakeServer().on(EVENTS, () => raw.response);
    const { events, stop } = follow(server);
    await until(() => server.requests.length === 1);
    raw.write('id: 8\r\nevent: tool\r\ndata: {"tool":"a"}\r\n\r\n: keep-alive\r\n\r\n');
    await until(() => events.length === 1);
    expect(events).toEqual([{ id: '8', type: 'tool', data: { tool: 'a' } }]);
    stop();
  });

  it('keeps the event id when a chunk ends between the CR and the LF of a CRLF', async () => {
    const raws = [new RawEventStream(), new RawEventStream()];
    let served = 0;
    const server = new FakeServer().on(EVENTS, () => raws[served++].response);
    const { events, stop } = follow(server);
    await until(() => server.requests.length === 1);
    raws[0].write('id: 4\r');
    raws[0].write('\nevent: tool\r\ndata: {"tool":"a"}\r\n\r\n');
    await until(() => events.length === 1);
    expect(events[0]).toEqual({ id: '4', type: 'tool', data: { tool: 'a' } });
    raws[0].end();
    await until(() => server.requests.length === 2);
    expect(server.requests[1].headers['last-event-id']).toBe('4');
    stop();
  });

  it('keeps the last event id across an event that has none (SSE: the id is only replaced by an id field)', async () => {
    const raws = [new RawEventStream(), new RawEventStream()];
    let served = 0;
    const server = new FakeServer().on(EVENTS, () => raws[served++].response);
    const { events, stop } = follow(server);
    await until(() => server.requests.length === 1);
    raws[0].write('id: 4\nevent: tool\ndata: {"tool":"a"}\n\n');
    // An event without an id line (a proxy's injected notice, say).
    raws[0].write('event: warning\ndata: {"reason":"x"}\n\n');
    await until(() => events.length === 2);
    raws[0].end();
    await until(() => server.requests.length === 2);
    expect(server.requests[1].headers['last-event-id']).toBe('4');
    stop();
  });

  it('reads one very large event delivered in a thousand small chunks', async () => {
    const raw = new RawEventStream();
    const server = new FakeServer().on(EVENTS, () => raw.response);
    const { events, stop } = follow(server);
    await until(() => server.requests.length === 1);
    const big = 'x'.repeat(1_000_000);
    const text = `id: 9\nevent: knowledge\ndata: {"blob":"${big}"}\n\n`;
    for (let i = 0; i < text.length; i += 1000) raw.write(text.slice(i, i + 1000));
    await until(() => events.length === 1);
    expect((events[0].data.blob as string).length).toBe(1_000_000);
    stop();
  });

  it('stops at `ended` even when the server keeps the stream open and sends more after it', async () => {
    const raw = new RawEventStream();
    const server = new FakeServer().on(EVENTS, () => raw.response);
    const { events, ended } = follow(server);
    await until(() => server.requests.length === 1);
    raw.write('id: 1\nevent: ended\ndata: {"state":"ended","reason":"user_ended"}\n\n');
    raw.write('id: 2\nevent: tool\ndata: {"tool":"late"}\n\n');
    expect(await ended).toEqual({ why: 'over' });
    await tick();
    expect(events.map((event) => event.type)).toEqual(['ended']);
    expect(server.requests).toHaveLength(1);
  });

  it('does not spin: a server that answers 200 and closes at once, again and again, is backed off from', async () => {
    // A correct reader backs off (or gives up) after a handful of empty streams; the server
    // answers 204 on its 50th request so that a spinning reader stops too.
    const server = new FakeServer().on(EVENTS, () => {
      if (server.requests.length >= 50) return new Response(null, { status: 204 });
      const raw = new RawEventStream();
      raw.end();
      return raw.response;
    });
    const { ended, stop } = follow(server, [60_000]);
    const outcome = await settledWithin(ended, 500);
    stop();
    expect({ requests: server.requests.length, outcome }).toEqual({
      requests: expect.any(Number),
      outcome: expect.anything(),
    });
    expect(server.requests.length).toBeLessThanOrEqual(5);
  });

  it('does not read an HTML page (a wrong baseUrl) as an events stream, over and over', async () => {
    const server = new FakeServer().on(EVENTS, () => {
      if (server.requests.length >= 50) return new Response(null, { status: 204 });
      return new Response('<!doctype html><html><body>app shell</body></html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    });
    const { ended, stop } = follow(server, [60_000]);
    await settledWithin(ended, 500);
    stop();
    expect(server.requests.length).toBeLessThanOrEqual(5);
  });
});

describe('VoiceCall under adversarial conditions', () => {
  let server: FakeServer;
  let events = new FakeEventStream();
  let microphone: FakeStream;
  let uninstall: () => void;
  let getUserMedia: () => Promise<FakeStream>;

  beforeEach(() => {
    server = new FakeServer();
    microphone = new FakeStream();
    getUserMedia = async () => microphone;
    server
      .on('POST /v1/sessions', () => json(201, sessionView()))
      .on('POST /v1/sessions/ses_1/sdp', () => new Response('v=0 answer', { status: 201 }))
      .on(EVENTS, () => (events = new FakeEventStream()).response)
      .on('GET /v1/sessions/ses_1', () => json(200, sessionView({ state: 'active' })))
      .on('DELETE /v1/sessions/ses_1', () =>
        json(200, sessionView({ state: 'ended', endReason: 'user_ended' })),
      );
    uninstall = installFakeBrowser(server, () => getUserMedia());
  });
  afterEach(() => uninstall());

  const pc = () => FakePeerConnection.made[0];
  const deletes = () => server.sent('DELETE /v1/sessions/ses_1').length;

  async function connected(options: Partial<ConnectVoiceOptions> = {}): Promise<VoiceCall> {
    const connecting = connectVoice({ baseUrl: BASE, getToken: () => 'tok', ...options });
    await until(() => pc()?.remoteDescription);
    pc().channel?.open();
    pc().become('connected');
    return connecting;
  }

  function endings(call: VoiceCall): EndedEvent[] {
    const seen: EndedEvent[] = [];
    call.on('ended', (ended) => seen.push(ended));
    return seen;
  }

  it('rejects with CONNECT_TIMEOUT when the SDP exchange hangs past connectTimeoutMs, releasing everything', async () => {
    const sdp = pending<Response>();
    server.on('POST /v1/sessions/ses_1/sdp', () => sdp.promise);
    const connecting = connectVoice({ baseUrl: BASE, getToken: () => 'tok', connectTimeoutMs: 30 });
    connecting.catch(() => undefined);
    const outcome = await settledWithin(connecting, 1500);
    sdp.resolve(new Response('v=0 answer', { status: 201 }));
    expect(outcome).toEqual({ error: expect.objectContaining({ code: 'CONNECT_TIMEOUT' }) });
    expect({
      peerConnection: pc().connectionState,
      microphone: microphone.tracks[0].readyState,
      deletes: deletes(),
    }).toEqual({ peerConnection: 'closed', microphone: 'ended', deletes: 1 });
  });

  it('rejects with CONNECT_TIMEOUT when the microphone prompt is never answered', async () => {
    const prompt = pending<FakeStream>();
    getUserMedia = () => prompt.promise;
    const connecting = connectVoice({ baseUrl: BASE, getToken: () => 'tok', connectTimeoutMs: 30 });
    connecting.catch(() => undefined);
    const outcome = await settledWithin(connecting, 1500);
    prompt.resolve(microphone);
    expect(outcome).toEqual({ error: expect.objectContaining({ code: 'CONNECT_TIMEOUT' }) });
    expect(deletes()).toBe(1);
  });

  it('rejects at once (not after the connect timeout) when Switchboard ends the session before the channel opens', async () => {
    const connecting = connectVoice({
      baseUrl: BASE,
      getToken: () => 'tok',
      connectTimeoutMs: 60_000,
    });
    connecting.catch(() => undefined);
    await until(() => server.sent(EVENTS).length === 1);
    events.push(3, 'ended', { state: 'revoked', reason: 'fraud suspected' });
    const outcome = await settledWithin(connecting, 1500);
    expect(outcome).toEqual({ error: expect.any(SwitchboardError) });
    expect((outcome as { error: SwitchboardError }).error.code).not.toBe('CONNECT_TIMEOUT');
    expect(pc().connectionState).toBe('closed');
    expect(microphone.tracks[0].readyState).toBe('ended');
  });

  it('rejects at once with CONNECTION_FAILED when the data channel closes while connecting', async () => {
    const connecting = connectVoice({
      baseUrl: BASE,
      getToken: () => 'tok',
      connectTimeoutMs: 60_000,
    });
    connecting.catch(() => undefined);
    await until(() => pc()?.remoteDescription);
    pc().channel?.closeRemotely();
    const outcome = await settledWithin(connecting, 1500);
    expect(outcome).toEqual({ error: expect.objectContaining({ code: 'CONNECTION_FAILED' }) });
    expect(deletes()).toBe(1);
  });

  it('rejects at once with CONNECTION_FAILED when ICE fails while connecting', async () => {
    const connecting = connectVoice({
      baseUrl: BASE,
      getToken: () => 'tok',
      connectTimeoutMs: 60_000,
    });
    connecting.catch(() => undefined);
    await until(() => pc()?.remoteDescription);
    pc().become('failed');
    const outcome = await settledWithin(connecting, 1500);
    expect(outcome).toEqual({ error: expect.objectContaining({ code: 'CONNECTION_FAILED' }) });
    expect([pc().connectionState, microphone.tracks[0].readyState, deletes()]).toEqual([
      'closed',
      'ended',
      1,
    ]);
  });

  it('ends as network_lost when ICE fails right after connecting, and ends the session', async () => {
    const call = await connected();
    const seen = endings(call);
    pc().become('failed');
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ reason: 'network_lost', by: 'network' }]);
    await until(() => deletes() === 1);
  });

  it('hangs up once when hangup is called twice at the same time', async () => {
    const call = await connected();
    const seen = endings(call);
    await Promise.all([call.hangup(), call.hangup()]);
    expect(seen).toEqual([{ reason: 'hangup', by: 'page' }]);
    expect(deletes()).toBe(1);
    expect(call.state).toBe('ended');
  });

  it('does nothing when the reconnect timer would have fired after a hang-up', async () => {
    const call = await connected({ reconnectTimeoutMs: 5 });
    const seen = endings(call);
    pc().become('disconnected');
    await call.hangup();
    // Long enough for a 5 ms timer that was not cleared to have fired.
    await settledWithin(new Promise(() => undefined), 50);
    expect(seen).toEqual([{ reason: 'hangup', by: 'page' }]);
    expect(server.sent('GET /v1/sessions/ses_1')).toHaveLength(0);
    expect(deletes()).toBe(1);
  });

  it('reports the server’s reason once when `ended` arrives while a loss is being checked', async () => {
    const session = pending<Response>();
    server.on('GET /v1/sessions/ses_1', () => session.promise);
    const call = await connected();
    const seen = endings(call);
    pc().channel?.closeRemotely();
    await until(() => server.sent('GET /v1/sessions/ses_1').length === 1);
    events.push(7, 'ended', { state: 'ended', reason: 'max_duration' });
    await until(() => seen.length === 1);
    session.resolve(json(200, sessionView({ state: 'ended', endReason: 'max_duration' })));
    await tick();
    expect(seen).toEqual([{ reason: 'max_duration', by: 'server', state: 'ended' }]);
  });

  it('rejects with a SwitchboardError when getToken rejects, opening no microphone or peer connection', async () => {
    let micAsked = 0;
    getUserMedia = async () => {
      micAsked += 1;
      return microphone;
    };
    const failure = await connectVoice({
      baseUrl: BASE,
      getToken: () => Promise.reject(new Error('token service down')),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SwitchboardError);
    expect((failure as Error).message).toContain('token service down');
    expect([micAsked, FakePeerConnection.made.length, server.requests.length]).toEqual([0, 0, 0]);
  });

  it('rejects with a SwitchboardError when getToken throws synchronously', async () => {
    const failure = await connectVoice({
      baseUrl: BASE,
      getToken: () => {
        throw new Error('signed out');
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SwitchboardError);
    expect((failure as Error).message).toContain('signed out');
  });

  it('turns a 500 HTML page into HTTP_500 with the status', async () => {
    server.on(
      'POST /v1/sessions',
      () =>
        new Response('<html><body>Internal Server Error</body></html>', {
          status: 500,
          headers: { 'content-type': 'text/html' },
        }),
    );
    const failure = await connectVoice({ baseUrl: BASE, getToken: () => 'tok' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SwitchboardError);
    expect(failure).toMatchObject({
      code: 'HTTP_500',
      status: 500,
      message: expect.stringContaining('HTTP 500'),
    });
  });

  it('uses the latest token from getToken on the events reconnect and on hang-up', async () => {
    let token = 'tok-1';
    const call = await connected({ getToken: () => token });
    token = 'tok-2';
    events.end();
    await until(() => server.sent(EVENTS).length === 2);
    expect(server.sent(EVENTS).map((request) => request.headers.authorization)).toEqual([
      'Bearer tok-1',
      'Bearer tok-2',
    ]);
    token = 'tok-3';
    await call.hangup();
    expect(server.sent('DELETE /v1/sessions/ses_1')[0].headers.authorization).toBe('Bearer tok-3');
  });

  it('says NOT_CONNECTED for sendText before the call connected', () => {
    const call = new VoiceCall({ baseUrl: BASE, getToken: () => 'tok' });
    expect(() => call.sendText('hello')).toThrow(
      expect.objectContaining({ code: 'NOT_CONNECTED' }),
    );
  });

  it('keeps a mute asked for while connecting once the microphone is attached', async () => {
    const call = new VoiceCall({ baseUrl: BASE, getToken: () => 'tok' });
    const starting = call.start();
    call.mute(true);
    await until(() => pc()?.remoteDescription);
    pc().channel?.open();
    await starting;
    expect(call.muted).toBe(true);
    expect(microphone.tracks[0].enabled).toBe(false);
    await call.hangup();
  });

  it('reports EVENTS_REFUSED (401) mid-call and stays connected', async () => {
    const call = await connected();
    const errors: SwitchboardError[] = [];
    call.on('error', (error) => errors.push(error));
    server.on(EVENTS, () => json(401, { code: 'UNAUTHENTICATED', detail: 'expired' }));
    events.end();
    await until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ code: 'EVENTS_REFUSED', status: 401 });
    expect(call.state).toBe('connected');
    await call.hangup();
  });

  it('stops connecting when hung up while the SDP exchange runs: settles promptly, opens no events stream', async () => {
    const sdp = pending<Response>();
    server.on('POST /v1/sessions/ses_1/sdp', () => sdp.promise);
    const call = new VoiceCall({ baseUrl: BASE, getToken: () => 'tok', connectTimeoutMs: 60_000 });
    const starting = call.start();
    starting.catch(() => undefined);
    await until(() => server.sent('POST /v1/sessions/ses_1/sdp').length === 1);
    const seen = endings(call);
    await call.hangup();
    expect(seen).toEqual([{ reason: 'hangup', by: 'page' }]);
    sdp.resolve(new Response('v=0 answer', { status: 201 }));
    const outcome = await settledWithin(starting, 1500);
    expect(outcome).not.toBe('still pending');
    expect(server.sent(EVENTS)).toHaveLength(0);
  });

  it('asks for one response when two turns are typed before the first response.created arrives', async () => {
    const call = await connected();
    const channel = pc().channel!;
    call.sendText('first');
    // Typed again at once: the server has not yet said response.created for the first.
    call.sendText('second');
    expect(channel.types()).toEqual([
      'conversation.item.create',
      'response.create',
      'conversation.item.create',
    ]);
    channel.receive({ type: 'response.created', response: { id: 'resp_1' } });
    channel.receive({ type: 'response.done', response: { id: 'resp_1' } });
    // The second turn still gets its answer, once the first is over.
    expect(channel.types().at(-1)).toBe('response.create');
    await call.hangup();
  });

  it('ignores events the server sends after `ended`', async () => {
    const call = await connected();
    const tools: unknown[] = [];
    call.on('tool', (tool) => tools.push(tool));
    const seen = endings(call);
    events.push(1, 'ended', { state: 'ended', reason: 'idle' });
    events.push(2, 'tool', { tool: 'late', toolCallId: null, outcome: 'executed' });
    await until(() => seen.length === 1);
    await tick();
    expect(tools).toEqual([]);
    expect(seen).toEqual([{ reason: 'idle', by: 'server', state: 'ended' }]);
  });
});
