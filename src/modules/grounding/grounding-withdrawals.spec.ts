import { jest } from '@jest/globals';

import type { AppConfig } from '../../config/app-config.js';
import type { DatabaseNotifications } from '../../database/database-notifications.js';
import { LiveEventBus, type LiveSidebands } from '../gpt-live/index.js';
import type { KnowledgeClock } from '../knowledge/index.js';
import { GovernedCalls } from '../live-calls/index.js';
import {
  type OpenAIEndpoint,
  RealtimeEventBus,
  type SidebandConnections,
  SidebandTags,
} from '../realtime/index.js';
import type { SessionLifecycle } from '../sessions/index.js';
import type { GroundingLedger } from './grounding-ledger.js';
import { GroundingWithdrawals } from './grounding-withdrawals.js';
import type { LiveGrounding } from './live-grounding.js';
import type { RealtimeGrounding } from './realtime-grounding.js';
import type { GroundingRow, Withdrawal } from './session-groundings.repository.js';

const version = { documentId: 'doc', version: 1, title: 'Returns', reason: 'retracted' } as const;

function grounding(callId: string, fields: Partial<GroundingRow>): GroundingRow {
  return {
    id: `grd_${callId}`,
    sessionId: `ses_${callId}`,
    callId,
    kind: 'injection',
    mode: 'transcript',
    turnId: 'item_1',
    itemId: null,
    queryText: 'q',
    chunks: [],
    digest: 'd',
    createdAt: new Date(),
    withdrawnAt: null,
    withdrawn: null,
    ...fields,
  };
}

describe(`${GroundingWithdrawals.name}`, () => {
  let tags: SidebandTags;
  let calls: GovernedCalls;
  let open: string[];
  let sent: { callId: string; event: Record<string, unknown> }[];
  /** What still stands (the table): recorded withdrawals leave it. */
  let standing: Withdrawal[];
  let record: jest.Mock<(w: Withdrawal) => Promise<boolean>>;
  let withdrawable: jest.Mock<(callIds: readonly string[]) => Promise<Withdrawal[]>>;
  let realtimeBus: RealtimeEventBus;
  let sut: GroundingWithdrawals;

  beforeEach(() => {
    tags = new SidebandTags({ apiKey: 'sk-test' } as OpenAIEndpoint);
    calls = new GovernedCalls(new RealtimeEventBus(), {
      on: () => () => undefined,
    } as unknown as SessionLifecycle);
    open = [];
    sent = [];
    standing = [];
    record = jest.fn((w: Withdrawal) => {
      standing = standing.filter((s) => s !== w);
      return Promise.resolve(true);
    });
    withdrawable = jest.fn((callIds: readonly string[]) =>
      Promise.resolve(standing.filter((w) => callIds.includes(w.grounding.callId))),
    );
    realtimeBus = new RealtimeEventBus();
    sut = new GroundingWithdrawals(
      { grounding: { recheckSeconds: 3600 } } as unknown as AppConfig,
      { listen: () => Promise.resolve() } as unknown as DatabaseNotifications,
      { now: () => new Date() } as unknown as KnowledgeClock,
      {
        withdrawable: (ids: readonly string[]) => withdrawable(ids),
        withdrawn: (w: Withdrawal) => record(w),
      } as unknown as GroundingLedger,
      {
        wantedCalls: () => open,
        isOpen: (id: string) => open.includes(id),
        send: (callId: string, event: Record<string, unknown>) => {
          sent.push({ callId, event });
          return true;
        },
      } as unknown as SidebandConnections,
      realtimeBus,
      { wantedCalls: () => [], isOpen: () => false } as unknown as LiveSidebands,
      new LiveEventBus(),
      calls,
      tags,
      { withdrawnIn: () => undefined } as unknown as RealtimeGrounding,
      { withdrawnIn: () => undefined } as unknown as LiveGrounding,
    );
  });

  afterEach(() => sut.onApplicationShutdown());

  function realtimeCall(callId: string) {
    const call = calls.watch({ id: `ses_${callId}`, responseStart: 'server' }, callId);
    open.push(callId);
    return call;
  }

  const corrections = (callId: string) =>
    sent.filter(
      (s) =>
        s.callId === callId &&
        s.event.type === 'conversation.item.create' &&
        (s.event.item as { role?: string }).role === 'system',
    );
  const deletes = (callId: string) =>
    sent.filter((s) => s.callId === callId && s.event.type === 'conversation.item.delete');

  it("one call's withdrawal failing to be recorded does not keep the other calls' from being told", async () => {
    realtimeCall('rtc_a');
    realtimeCall('rtc_b');
    const a = { grounding: grounding('rtc_a', { itemId: 'sb_a' }), versions: [version] };
    const b = { grounding: grounding('rtc_b', { itemId: 'sb_b' }), versions: [version] };
    standing = [a, b];
    record.mockImplementationOnce(() => Promise.reject(new Error('deadlock detected')));
    await sut.sweep();
    expect(corrections('rtc_a')).toHaveLength(1);
    expect(corrections('rtc_b')).toHaveLength(1);
  });

  it('a withdrawal told but not recorded is recorded by the next sweep, not told (deleted, corrected) again', async () => {
    const call = realtimeCall('rtc_a');
    const item = tags.tagItem('rtc_a', { type: 'message', role: 'system', content: [] });
    call.ownItems.set(item.id, item);
    standing = [{ grounding: grounding('rtc_a', { itemId: item.id }), versions: [version] }];
    record.mockImplementationOnce(() => Promise.reject(new Error('connection terminated')));
    await sut.sweep();
    await sut.sweep();
    expect(record).toHaveBeenCalledTimes(2);
    expect(standing).toEqual([]);
    expect(deletes('rtc_a')).toHaveLength(1);
    expect(corrections('rtc_a')).toHaveLength(1);
  });

  it('a search_knowledge output not yet seen when its document is withdrawn is still replaced once it is', async () => {
    const call = realtimeCall('rtc_a');
    // The tool recorded its result before its output went into the call.
    standing = [
      {
        grounding: grounding('rtc_a', { kind: 'tool_result', mode: null, turnId: 'call_1' }),
        versions: [version],
      },
    ];
    await sut.sweep();
    // The output arrives right after (the tamper guard sees its conversation.item.added).
    const output = tags.tagItem('rtc_a', {
      type: 'function_call_output',
      call_id: 'call_1',
      output: '{"knowledge":"returns within 60 days"}',
    });
    call.ownItems.set(output.id, output);
    await sut.sweep();
    expect(deletes('rtc_a').map((s) => s.event.item_id)).toContain(output.id);
  });

  it('a sideband that connects sweeps that call only, not every call of the replica', async () => {
    await sut.onModuleInit();
    for (let i = 0; i < 50; i++) realtimeCall(`rtc_${i}`);
    realtimeBus.emit('sideband.connected', { callId: 'rtc_7', reconnect: false });
    await sut.sweep();
    expect(withdrawable.mock.calls[0]![0]).toEqual(['rtc_7']);
  });
});
