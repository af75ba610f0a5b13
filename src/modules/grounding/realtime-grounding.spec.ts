import { jest } from '@jest/globals';

import type { GovernedCalls, ServerResponses, TurnPreparer } from '../live-calls/index.js';
import {
  type OpenAIEndpoint,
  RealtimeEventBus,
  type RealtimeServerEvent,
  type SidebandConnections,
  SidebandTags,
} from '../realtime/index.js';
import type { GroundingContext, GroundingContexts } from './grounding-contexts.js';
import type { GroundingLedger } from './grounding-ledger.js';
import type { KnowledgeBlock } from './knowledge-block.js';
import { RealtimeGrounding } from './realtime-grounding.js';
import type { Retrieved, TurnRetrieval } from './turn-retrieval.js';

const CALL = 'rtc_1';
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

const block: KnowledgeBlock = {
  text: '<knowledge>returns within 60 days</knowledge>',
  digest: 'd',
  chunks: [
    { chunkId: '1', sourceId: 's', documentId: 'doc', version: 1, title: 'Returns', digest: 'c' },
  ],
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe(`${RealtimeGrounding.name}: state of a call that ended`, () => {
  let bus: RealtimeEventBus;
  let preparer: TurnPreparer;
  let retrieve: jest.Mock<() => Promise<Retrieved>>;
  let sut: RealtimeGrounding;

  function withMode(mode: GroundingContext['mode']): void {
    bus = new RealtimeEventBus();
    retrieve = jest.fn<() => Promise<Retrieved>>();
    const context = { session: { id: 'ses_1' }, mode, budgetMs: 50, snippets: 2 };
    sut = new RealtimeGrounding(
      bus,
      {
        prepareTurnsWith: (p: TurnPreparer) => {
          preparer = p;
          return () => undefined;
        },
      } as unknown as ServerResponses,
      { get: () => ({ responseStart: 'server' }) } as unknown as GovernedCalls,
      // The call is gone: nothing can be sent any more.
      { send: () => false } as unknown as SidebandConnections,
      new SidebandTags({ apiKey: 'sk-test' } as OpenAIEndpoint),
      {
        of: () => Promise.resolve(context),
        forget: () => undefined,
      } as unknown as GroundingContexts,
      {
        retrieve,
        observe: () => undefined,
        observeTranscriptWait: () => undefined,
      } as unknown as TurnRetrieval,
      { given: () => Promise.resolve('grd_1') } as unknown as GroundingLedger,
    );
    sut.onModuleInit();
  }

  afterEach(() => sut.onApplicationShutdown());

  const arrive = (event: Record<string, unknown>) =>
    bus.emit('sideband.event', { callId: CALL, event: event as unknown as RealtimeServerEvent });
  const tracked = () => (sut as unknown as { calls: Map<string, unknown> }).calls;

  it('a retrieval that comes back late, after the call closed, does not bring its state back', async () => {
    withMode('transcript');
    const late = deferred<KnowledgeBlock | undefined>();
    retrieve.mockResolvedValue({ outcome: 'late', late: late.promise });
    arrive({
      type: 'conversation.item.added',
      item: {
        id: 'item_1',
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: 'can I return it' }],
      },
    });
    await expect(preparer(CALL, 'item_1')).resolves.toEqual({ items: [] });
    bus.emit('sideband.closed', { callId: CALL });
    expect(tracked().has(CALL)).toBe(false);
    late.resolve(block);
    await settle();
    expect(tracked().has(CALL)).toBe(false);
  });

  it('a next_turn retrieval still running when the call closes does not bring its state back', async () => {
    withMode('next_turn');
    const found = deferred<Retrieved>();
    retrieve.mockReturnValue(found.promise);
    arrive({
      type: 'conversation.item.input_audio_transcription.completed',
      item_id: 'item_1',
      transcript: 'can I return it',
    });
    await settle();
    expect(retrieve).toHaveBeenCalled();
    bus.emit('sideband.closed', { callId: CALL });
    found.resolve({ outcome: 'given', block });
    await settle();
    expect(tracked().has(CALL)).toBe(false);
  });
});
