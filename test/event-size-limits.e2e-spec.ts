import type { RealtimeEvent } from './support/event-stream.js';
import { RealtimeSocket } from './support/realtime-socket.js';
import { SessionClient, simulatorOf } from './support/session-client.js';
import { audioAppendOfSize, itemCreateOfSize } from './support/sized-events.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import { WeriftBrowser, type WeriftBrowserOptions } from './support/werift-browser.js';

/** What werift announces in the simulator's SDP answer (`a=max-message-size`). */
const DATA_CHANNEL_LIMIT = 65_536;
/** What Chromium announces in its offer: the most a page accepts per data-channel message. */
const CHROMIUM_LIMIT = 262_144;
/** The simulator's per-event limit on sockets: 15 MiB of audio plus room for the envelope. */
const SOCKET_LIMIT = 16 * 1024 * 1024;
/** Beyond this, ws does not buffer the frame at all and closes the connection with 1009. */
const SOCKET_FRAME_CAP = 2 * SOCKET_LIMIT;
/** Large events take a while to cross a loaded CI machine; the outcome is still awaited, not timed. */
const LARGE_EVENT_WAIT_MS = 30_000;

const hasItemId = (id: string) => (e: RealtimeEvent) => (e.item as { id?: string })?.id === id;
const errorCode = (e: RealtimeEvent) => (e.error as { code?: string }).code;

/**
 * No client event, however large or malformed, takes the server down in simulator mode (where the
 * simulator runs inside the app): every size around the transport's limit, on the data channel and
 * on a WebSocket, is answered, and afterwards `/health` answers and the call still works.
 */
describe('event size limits on the simulator transports', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_SIMULATOR_INSPECTION: 'true' } });
  });
  afterAll(() => sut.close());

  async function expectHealthy(): Promise<void> {
    expect((await fetch(`${sut.url}/health`)).status).toBe(200);
  }

  describe('a page on the data channel (proxy mode)', () => {
    const browsers: WeriftBrowser[] = [];
    afterAll(() => Promise.all(browsers.map((b) => b.close())));

    async function connect(user: string, options: WeriftBrowserOptions): Promise<WeriftBrowser> {
      const client = await SessionClient.as(sut, user);
      const { id } = await client.open();
      const browser = new WeriftBrowser(options);
      browsers.push(browser);
      const res = await client.sdp(id, await browser.offer());
      const answer = await res.text();
      expect(answer).toContain(`a=max-message-size:${DATA_CHANNEL_LIMIT}`);
      await browser.accept(answer);
      await browser.stream.next('session.created');
      return browser;
    }

    it('takes events up to the announced 65536 bytes and refuses a larger one with event_too_large', async () => {
      // A Chromium-sized receiver that does not respect the simulator's announced limit.
      const browser = await connect('dana', {
        maxMessageBytes: CHROMIUM_LIMIT,
        ignoreAnnouncedLimit: true,
      });
      for (const size of [DATA_CHANNEL_LIMIT - 1, DATA_CHANNEL_LIMIT]) {
        browser.send(itemCreateOfSize(size, `item_dc_${size}`));
        await browser.stream.next('conversation.item.added', hasItemId(`item_dc_${size}`));
      }
      browser.send(itemCreateOfSize(DATA_CHANNEL_LIMIT + 1, 'item_dc_over'));
      const refused = await browser.stream.next('error');
      expect(refused.error).toEqual({
        type: 'invalid_request_error',
        code: 'event_too_large',
        message: `The event is ${DATA_CHANNEL_LIMIT + 1} bytes; a data channel carries at most ${DATA_CHANNEL_LIMIT} bytes per event.`,
        param: null,
        event_id: null,
      });

      await expectHealthy();
      browser.send(itemCreateOfSize(200, 'item_dc_small'));
      await browser.stream.next('conversation.item.added', hasItemId('item_dc_small'));
      expect(browser.stream.events.some(hasItemId('item_dc_over'))).toBe(false);
    });

    it('refuses an event whose echo would not fit the page, before changing the conversation', async () => {
      // werift's defaults, as the crash: it announces 65536 and sends up to 65536.
      const browser = await connect('erin', {});
      browser.send(itemCreateOfSize(DATA_CHANNEL_LIMIT, 'item_echo_too_big'));
      const refused = await browser.stream.next('error');
      expect(refused.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'event_too_large',
        param: 'item',
      });
      expect((refused.error as { message: string }).message).toMatch(
        /^The conversation\.item\.added event this would send is \d+ bytes; a connection of this call carries at most 65536 bytes per event\. Nothing was changed\.$/,
      );

      browser.send({ type: 'conversation.item.retrieve', item_id: 'item_echo_too_big' });
      expect(errorCode(await browser.stream.next('error'))).toBe('item_not_found');
      await expectHealthy();
      browser.send(itemCreateOfSize(200, 'item_echo_small'));
      await browser.stream.next('conversation.item.added', hasItemId('item_echo_small'));
    });
  });

  describe('a client on a WebSocket', () => {
    const sockets: RealtimeSocket[] = [];
    afterAll(() => Promise.all(sockets.map((s) => s.closeAndWait())));

    async function open(): Promise<RealtimeSocket> {
      const sim = simulatorOf(sut);
      const socket = await RealtimeSocket.open(sim.url, 'model=gpt-realtime', sim.apiKey);
      sockets.push(socket);
      await socket.stream.next('session.created');
      return socket;
    }

    function closed(socket: RealtimeSocket): Promise<number> {
      return new Promise((resolve) => socket.ws.once('close', (code) => resolve(code)));
    }

    it('takes events up to 16 MiB and refuses a larger one with event_too_large', async () => {
      const socket = await open();
      socket.send(audioAppendOfSize(SOCKET_LIMIT - 1));
      socket.send(audioAppendOfSize(SOCKET_LIMIT));
      // Events on one socket are handled in order: the answer to this one comes after both.
      socket.send(itemCreateOfSize(200, 'item_ws_after_limit'));
      await socket.stream.next(
        'conversation.item.added',
        hasItemId('item_ws_after_limit'),
        LARGE_EVENT_WAIT_MS,
      );
      expect(socket.stream.types()).not.toContain('error');

      socket.send(audioAppendOfSize(SOCKET_LIMIT + 1));
      const refused = await socket.stream.next('error', () => true, LARGE_EVENT_WAIT_MS);
      expect(refused.error).toEqual({
        type: 'invalid_request_error',
        code: 'event_too_large',
        message: `The event is ${SOCKET_LIMIT + 1} bytes; a WebSocket carries at most ${SOCKET_LIMIT} bytes per event.`,
        param: null,
        event_id: null,
      });

      await expectHealthy();
      socket.send(itemCreateOfSize(200, 'item_ws_small'));
      await socket.stream.next('conversation.item.added', hasItemId('item_ws_small'));
    });

    it('closes with 1009 on a frame beyond twice the limit, and logs it', async () => {
      const socket = await open();
      const code = closed(socket);
      socket.ws.send(Buffer.alloc(SOCKET_FRAME_CAP + 1, 'A'), { binary: false });
      expect(await code).toBe(1009);
      await expectHealthy();
      expect(sut.logs.containing('Max payload size exceeded')).not.toHaveLength(0);
      const next = await open();
      next.send(itemCreateOfSize(200, 'item_ws_after_cap'));
      await next.stream.next('conversation.item.added', hasItemId('item_ws_after_cap'));
    });

    it('closes with 1007 on a text frame that is not UTF-8', async () => {
      const socket = await open();
      const code = closed(socket);
      socket.ws.send(Buffer.from([0x7b, 0xff, 0x7d]), { binary: false });
      expect(await code).toBe(1007);
      await expectHealthy();
    });
  });
});
