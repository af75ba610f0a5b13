import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { RealtimeEvent } from '../support/event-stream.js';
import { RealtimeSocket } from '../support/realtime-socket.js';
import { callIdFrom, createCallMultipart, inspectCall } from '../support/simulator-http.js';
import { itemCreateOfSize } from '../support/sized-events.js';
import { WeriftBrowser } from '../support/werift-browser.js';

const hasItemId = (id: string) => (e: RealtimeEvent) => (e.item as { id?: string })?.id === id;

/**
 * A call's events fan out to every connection attached to it, and each connection has its own
 * message limit: the page's data channel takes what the page announced (werift: 65536 bytes), a
 * sideband socket far more. A client event whose answer would not fit one of them is refused,
 * on whichever connection it came, before it changes anything.
 */
describe('simulator: event size limits across the connections of one call', () => {
  let sim: Simulator;
  let browser: WeriftBrowser;
  let sideband: RealtimeSocket;
  let callId: string;
  const warnings: Record<string, unknown>[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, logger: { warn: (d) => warnings.push(d) } });
    browser = new WeriftBrowser();
    const res = await createCallMultipart(sim, await browser.offer(), {
      type: 'realtime',
      instructions: 'Be brief.',
    });
    callId = callIdFrom(res);
    await browser.accept(await res.text());
    await browser.stream.next('session.created');
    sideband = await RealtimeSocket.open(sim.url, `call_id=${callId}`, sim.apiKey);
  });

  afterAll(async () => {
    await sideband?.closeAndWait();
    await browser?.close();
    await sim?.close();
  });

  it('refuses a page event whose echo would overflow the page, on both connections', async () => {
    browser.send(itemCreateOfSize(65_536, 'item_page_big'));
    const onPage = await browser.stream.next('error');
    const onSideband = await sideband.stream.next('error');
    expect(onSideband.event_id).toBe(onPage.event_id);
    expect(onPage.error).toMatchObject({ code: 'event_too_large', param: 'item' });
    expect(sim.calls.find(callId)?.conversation.get('item_page_big')).toBeUndefined();
  });

  it('refuses a sideband session.update that the data channel could not carry', async () => {
    sideband.send({
      type: 'session.update',
      session: { type: 'realtime', instructions: 'x'.repeat(100_000) },
    });
    const refused = await sideband.stream.next('error');
    expect(refused.error).toMatchObject({ code: 'event_too_large', param: 'session' });
    expect((refused.error as { message: string }).message).toContain('session.updated');
    expect(sim.calls.find(callId)?.session.instructions).toBe('Be brief.');
    await browser.stream.next('error', (e) => e.event_id === refused.event_id);
  });

  it('still answers both connections, and keeps the refused event in the call log', async () => {
    sideband.send(itemCreateOfSize(300, 'item_after'));
    await browser.stream.next('conversation.item.added', hasItemId('item_after'));
    await sideband.stream.next('conversation.item.added', hasItemId('item_after'));
    const { events } = await inspectCall(sim, callId);
    expect(events).toContainEqual(
      expect.objectContaining({
        direction: 'in',
        via: 'datachannel',
        event: expect.objectContaining({ type: 'conversation.item.create' }),
      }),
    );
  });

  it('closes a sideband that sends a frame which is not UTF-8, and keeps the call', async () => {
    const other = await RealtimeSocket.open(sim.url, `call_id=${callId}`, sim.apiKey);
    const code = new Promise<number>((resolve) => other.ws.once('close', (c) => resolve(c)));
    other.ws.send(Buffer.from([0x7b, 0xff, 0x7d]), { binary: false });
    expect(await code).toBe(1007);
    const fault = {
      kind: 'connection_error',
      error: 'Invalid WebSocket frame: invalid UTF-8 sequence',
    };
    expect(warnings).toContainEqual({ callId, via: 'sideband', ...fault });
    const { events } = await inspectCall(sim, callId);
    expect(events).toContainEqual(expect.objectContaining({ direction: 'fault', event: fault }));
    browser.send(itemCreateOfSize(300, 'item_after_bad_frame'));
    await browser.stream.next('conversation.item.added', hasItemId('item_after_bad_frame'));
  });
});
