import { jest } from '@jest/globals';

import {
  RealtimeEventBus,
  type RealtimeServerEvent,
  type SidebandConnections,
  SidebandTags,
} from '../../realtime/index.js';
import type { OpenAIEndpoint } from '../../realtime/index.js';
import type { SessionLifecycle } from '../../sessions/index.js';
import type { ResponseBudget } from '../response-budget.js';
import { type GovernedCall, GovernedCalls } from './governed-calls.js';
import type { RealtimePricing } from './realtime-pricing.js';
import { PREPARATION_CAP_MS, type PreparedTurn, ServerResponses } from './server-responses.js';
import type { TamperGuard } from './tamper-guard.js';

const CALL = 'rtc_1';

/** Lets promise callbacks and the budget check run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** The same without timers (for tests that fake them). */
const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe(`${ServerResponses.name} with a turn preparer`, () => {
  let bus: RealtimeEventBus;
  let sent: Record<string, unknown>[];
  let open: boolean;
  let sut: ServerResponses;
  let tags: SidebandTags;
  let call: GovernedCall;

  beforeEach(() => {
    bus = new RealtimeEventBus();
    sent = [];
    open = true;
    tags = new SidebandTags({ apiKey: 'sk-test' } as OpenAIEndpoint);
    const calls = new GovernedCalls(bus, {
      on: () => () => undefined,
    } as unknown as SessionLifecycle);
    call = calls.watch({ id: 'ses_1', responseStart: 'server' }, CALL);
    const sidebands = {
      isOpen: () => open,
      send: (_callId: string, event: Record<string, unknown>) => {
        if (!open) return false;
        sent.push(event);
        return true;
      },
    } as unknown as SidebandConnections;
    sut = new ServerResponses(
      bus,
      sidebands,
      tags,
      calls,
      { allowsResponse: () => Promise.resolve(true) } as unknown as ResponseBudget,
      { cancelForeignResponse: jest.fn() } as unknown as TamperGuard,
      { nextResponseUsd: () => 0 } as unknown as RealtimePricing,
    );
    sut.onModuleInit();
  });

  afterEach(() => sut.onApplicationShutdown());

  function arrive(event: Record<string, unknown>): void {
    bus.emit('sideband.event', { callId: CALL, event: event as unknown as RealtimeServerEvent });
  }

  function userTurn(id: string): void {
    arrive({
      type: 'conversation.item.added',
      event_id: `ev_${id}`,
      item: { id, type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    });
  }

  const knowledge = {
    type: 'message',
    role: 'system',
    content: [{ type: 'input_text', text: 'k' }],
  };

  it('does not report prepared items as sent when the sideband could not send them', async () => {
    const wentOut = jest.fn();
    sut.prepareTurnsWith(() =>
      Promise.resolve<PreparedTurn>({ items: [knowledge], sent: wentOut }),
    );
    open = false; // the sideband dropped between the turn and its response
    userTurn('item_1');
    await settle();
    expect(sent).toEqual([]);
    // `sent` records the grounding (ledger + lastChunks) for an item the call never received.
    expect(wentOut).not.toHaveBeenCalled();
  });

  it('a preparation that never settles is given up at the cap, and the turn answered without it', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      sut.prepareTurnsWith(() => new Promise<PreparedTurn>(() => undefined));
      userTurn('item_1');
      sut.request(CALL, { reason: 'action_outcome' });
      await flush();
      expect(sent.filter((e) => e.type === 'response.create')).toHaveLength(0);
      jest.advanceTimersByTime(PREPARATION_CAP_MS);
      await flush();
      expect(sent.filter((e) => e.type === 'response.create')).toHaveLength(1);
      expect(sent.filter((e) => e.type === 'conversation.item.create')).toHaveLength(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a user turn refused with a collision is asked again once, without waiting or re-adding its knowledge', async () => {
    const wentOut = jest.fn();
    sut.prepareTurnsWith(() =>
      Promise.resolve<PreparedTurn>({ items: [knowledge], sent: wentOut }),
    );
    userTurn('item_1');
    await settle();
    const first = sent.find((e) => e.type === 'response.create')!;
    expect(sent.filter((e) => e.type === 'conversation.item.create')).toHaveLength(1);
    arrive({
      type: 'error',
      event_id: 'ev_err',
      error: { code: 'conversation_already_has_active_response', event_id: first.event_id },
    });
    arrive({ type: 'response.done', event_id: 'ev_done', response: { id: 'resp_other' } });
    await settle();
    expect(sent.filter((e) => e.type === 'response.create')).toHaveLength(2);
    expect(sent.filter((e) => e.type === 'conversation.item.create')).toHaveLength(1);
    expect(wentOut).toHaveBeenCalledTimes(1);
  });

  it('a tainted user turn restarts once the foreign item is gone, without waiting or re-adding its knowledge', async () => {
    const wentOut = jest.fn();
    sut.prepareTurnsWith(() =>
      Promise.resolve<PreparedTurn>({ items: [knowledge], sent: wentOut }),
    );
    userTurn('item_1');
    await settle();
    const first = sent.find((e) => e.type === 'response.create')!;
    call.addForeign('item_forged'); // the page slipped an item in before the response started
    arrive({
      type: 'response.created',
      event_id: 'ev_created',
      response: { id: 'resp_1', metadata: (first.response as { metadata: unknown }).metadata },
    });
    expect(sent).toContainEqual({ type: 'response.cancel', response_id: 'resp_1' });
    arrive({ type: 'response.done', event_id: 'ev_done', response: { id: 'resp_1' } });
    call.removeForeign('item_forged');
    await settle();
    expect(sent.filter((e) => e.type === 'response.create')).toHaveLength(2);
    expect(sent.filter((e) => e.type === 'conversation.item.create')).toHaveLength(1);
    expect(wentOut).toHaveBeenCalledTimes(1);
  });

  it('a turn whose preparation settles while the sideband is reconnecting is answered once it is back', async () => {
    let finish!: (prepared: PreparedTurn) => void;
    sut.prepareTurnsWith(() => new Promise<PreparedTurn>((resolve) => (finish = resolve)));
    userTurn('item_1'); // its knowledge is being retrieved
    open = false; // the sideband drops meanwhile
    finish({ items: [knowledge] });
    await settle();
    open = true;
    bus.emit('sideband.connected', { callId: CALL, reconnect: true });
    await settle();
    expect(sent.filter((e) => e.type === 'response.create')).toHaveLength(1);
  });
});
