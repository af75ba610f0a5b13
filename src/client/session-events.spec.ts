import {
  parseBlock,
  SessionEvents,
  type SessionEventsEnd,
  type StreamedSessionEvent,
} from './session-events.js';
import { FakeEventStream, FakeServer, json } from './testing/fake-browser.js';

const URL_ = 'http://switchboard.test/v1/sessions/ses_1/events';

function follow(server: FakeServer, retryDelaysMs = [1, 1]) {
  const events: StreamedSessionEvent[] = [];
  let tokens = 0;
  const ended = new Promise<SessionEventsEnd>((resolve) => {
    const stream = new SessionEvents({
      url: URL_,
      getToken: () => `token-${++tokens}`,
      onEvent: (event) => events.push(event),
      onEnd: resolve,
      retryDelaysMs,
      fetch: server.fetch as typeof fetch,
    });
    (follow as { last?: SessionEvents }).last = stream;
  });
  return { events, ended };
}

describe('SessionEvents', () => {
  it('resumes after a closed stream with Last-Event-ID and a fresh token, and stops for good on `ended`', async () => {
    const streams = [new FakeEventStream(), new FakeEventStream()];
    let served = 0;
    const server = new FakeServer().on(
      'GET /v1/sessions/ses_1/events',
      () => streams[served++].response,
    );
    const { events, ended } = follow(server);
    await new Promise((resolve) => setTimeout(resolve, 0));
    streams[0].push(4, 'tool', { tool: 'lookup_order', outcome: 'executed' });
    streams[0].end();
    await new Promise((resolve) => setTimeout(resolve, 5));
    streams[1].push(7, 'ended', { state: 'ended', reason: 'user_ended' });
    expect(await ended).toEqual({ why: 'over' });
    expect(events.map((event) => [event.id, event.type])).toEqual([
      ['4', 'tool'],
      ['7', 'ended'],
    ]);
    const [first, second] = server.requests;
    expect(first.headers).toEqual({ authorization: 'Bearer token-1', accept: 'text/event-stream' });
    expect(second.headers).toEqual({
      authorization: 'Bearer token-2',
      accept: 'text/event-stream',
      'last-event-id': '4',
    });
  });

  it('ends as over on 204 and as refused on a 4xx, without retrying', async () => {
    const over = new FakeServer().on(
      'GET /v1/sessions/ses_1/events',
      () => new Response(null, { status: 204 }),
    );
    expect(await follow(over).ended).toEqual({ why: 'over' });
    const refused = new FakeServer().on('GET /v1/sessions/ses_1/events', () =>
      json(404, { code: 'SESSION_NOT_FOUND' }),
    );
    expect(await follow(refused).ended).toMatchObject({ why: 'refused', status: 404 });
    expect(refused.requests).toHaveLength(1);
  });

  it('retries an unreachable server as many times as it has delays, then gives up', async () => {
    const server = new FakeServer().on('GET /v1/sessions/ses_1/events', () => {
      throw new TypeError('fetch failed');
    });
    expect(await follow(server, [1, 1, 1]).ended).toMatchObject({ why: 'unreachable' });
    expect(server.requests).toHaveLength(4);
  });

  it('stops when told to, and says so once', async () => {
    const stream = new FakeEventStream();
    const server = new FakeServer().on('GET /v1/sessions/ses_1/events', () => stream.response);
    const { ended } = follow(server);
    (follow as { last?: SessionEvents }).last?.stop();
    expect(await ended).toEqual({ why: 'stopped' });
  });
});

describe('parseBlock', () => {
  it('reads id, event and multi-line data; skips comments and what is not a JSON object', () => {
    expect(parseBlock('id: 3\nevent: tool\ndata: {"a":\ndata: 1}')).toEqual({
      id: '3',
      type: 'tool',
      data: { a: 1 },
    });
    expect(parseBlock(': keep-alive')).toBeUndefined();
    expect(parseBlock('event: tool\ndata: [1]')).toBeUndefined();
    expect(parseBlock('event: tool\ndata: not json')).toBeUndefined();
  });
});
