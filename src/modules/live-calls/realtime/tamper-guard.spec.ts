import { jest } from '@jest/globals';

import type { AppConfig } from '../../../config/app-config.js';
import type { AuditLog } from '../../audit/index.js';
import {
  type OpenAIEndpoint,
  RealtimeEventBus,
  type RealtimeServerEvent,
  type SidebandConnections,
  SidebandTags,
} from '../../realtime/index.js';
import type { SessionLifecycle, SessionsService } from '../../sessions/index.js';
import { type GovernedCall, GovernedCalls } from './governed-calls.js';
import { TamperGuard } from './tamper-guard.js';

const CALL = 'rtc_1';
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe(`${TamperGuard.name}: Switchboard withdrawing its own items`, () => {
  let bus: RealtimeEventBus;
  let tags: SidebandTags;
  let call: GovernedCall;
  let sent: Record<string, unknown>[];
  let tamper: jest.Mock;
  let guard: TamperGuard;

  beforeEach(() => {
    bus = new RealtimeEventBus();
    tags = new SidebandTags({ apiKey: 'sk-test' } as OpenAIEndpoint);
    const lifecycle = { on: () => () => undefined } as unknown as SessionLifecycle;
    const calls = new GovernedCalls(bus, lifecycle);
    call = calls.watch({ id: 'ses_1', responseStart: 'server' }, CALL);
    sent = [];
    tamper = jest.fn(() => Promise.resolve());
    guard = new TamperGuard(
      { sessions: { hangUpOnTamper: false } } as unknown as AppConfig,
      {
        findByCall: () =>
          Promise.resolve({
            id: 'ses_1',
            state: 'active',
            config: { type: 'realtime', model: 'm' },
          }),
      } as unknown as SessionsService,
      {
        send: (_callId: string, event: Record<string, unknown>) => {
          sent.push(event);
          return true;
        },
      } as unknown as SidebandConnections,
      bus,
      { append: tamper } as unknown as AuditLog,
      tags,
      calls,
      lifecycle,
    );
    guard.onModuleInit();
  });

  afterEach(() => guard.onApplicationShutdown());

  const arrive = (event: Record<string, unknown>) =>
    bus.emit('sideband.event', { callId: CALL, event: event as unknown as RealtimeServerEvent });
  const added = (item: Record<string, unknown>) =>
    arrive({ type: 'conversation.item.added', previous_item_id: null, item });
  const deleted = (itemId: string) =>
    arrive({ type: 'conversation.item.deleted', item_id: itemId });
  const knowledge = () =>
    tags.tagItem(CALL, {
      type: 'message',
      role: 'system',
      content: [{ type: 'input_text', text: '<knowledge>returns within 60 days</knowledge>' }],
    });

  it('an own item withdrawn before its addition was seen goes without a tamper reaction or a restore', async () => {
    const item = knowledge();
    expect(call.withdrawOwn(item.id)).toBe(item.id); // the delete is sent right after this
    added(item); // its addition crosses the delete
    deleted(item.id);
    await settle();
    expect(tamper).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(call.withdrawing.size).toBe(0);
  });

  it('an item the page deleted and that is withdrawn before its restored copy is seen: the copy goes, a replay of either id is tamper', async () => {
    const item = knowledge();
    added(item);
    deleted(item.id); // the page deleted it: put back under a new id
    const restored = sent.find((e) => e.type === 'conversation.item.create')!.item as {
      id: string;
    };
    await settle();
    expect(tamper).toHaveBeenCalledTimes(1);
    expect(call.withdrawOwn(item.id)).toBe(restored.id);
    added(restored);
    deleted(restored.id);
    await settle();
    expect(tamper).toHaveBeenCalledTimes(1);
    expect(sent.filter((e) => e.type === 'conversation.item.create')).toHaveLength(1);
    added(item);
    added(restored);
    await settle();
    expect(tamper).toHaveBeenCalledTimes(3);
  });

  it('withdrawing an item a second time (a sweep retried after its recording failed) does not let the page replay it', async () => {
    const item = knowledge();
    added(item);
    call.withdrawOwn(item.id);
    deleted(item.id); // the first sweep's delete
    // The withdrawal was not recorded, so the next sweep withdraws it again: its delete fails
    // (the item is gone), and that error carries no event id the guard would know.
    call.withdrawOwn(item.id);
    // The page, which saw the item's id and content, adds it again verbatim.
    added(item);
    await settle();
    expect(sent).toContainEqual(
      expect.objectContaining({ type: 'conversation.item.delete', item_id: item.id }),
    );
    expect(tamper).toHaveBeenCalledTimes(1);
  });

  it('the delete of a withdrawn item that a reconnect may have lost is sent again, as the guard does for its own deletions', async () => {
    const item = knowledge();
    added(item);
    call.withdrawOwn(item.id); // GroundingWithdrawals sends the delete, the socket drops
    bus.emit('sideband.connected', { callId: CALL, reconnect: true });
    await settle();
    expect(sent).toContainEqual(
      expect.objectContaining({ type: 'conversation.item.delete', item_id: item.id }),
    );
  });
});
