import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';

import type { LatencyMeter } from '../live-calls/index.js';
import type { SessionRecord, SessionsService } from '../sessions/index.js';
import { VoiceEvents, type ToolOutputDelivery, type VoiceConversation } from '../voice/index.js';
import { ProposedToolCallsListener } from './proposed-tool-calls.listener.js';
import type { ToolCallPipeline, ToolCallResult } from './tool-call.pipeline.js';
import type { ToolCallsRepository } from './tool-calls.repository.js';

const session = { id: 'ses_1', userId: 'u', tenantId: null, roles: [] } as unknown as SessionRecord;
const succeeded: ToolCallResult = {
  status: 'succeeded',
  output: { ok: true, result: 1 },
  replayed: false,
};

describe(ProposedToolCallsListener.name, () => {
  let events: VoiceEvents;
  let sent: ToolOutputDelivery[];
  let answered: string[];
  let markOutputSent: jest.Mock<(sessionId: string, toolCallId: string) => Promise<boolean>>;
  /** Settles when the listener is done with a batch: it timed itself, or its failure was logged. */
  let finished: () => Promise<void>;

  beforeEach(() => {
    let done: () => void = () => undefined;
    finished = () => new Promise<void>((resolve) => (done = resolve));
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => done());
    events = new VoiceEvents();
    sent = [];
    answered = [];
    markOutputSent = jest.fn<(sessionId: string, toolCallId: string) => Promise<boolean>>();
    const conversation = {
      sendToolOutput: (_callId: string, output: ToolOutputDelivery) => sent.push(output) > 0,
      answerToolOutputs: (callId: string) => answered.push(callId),
    } as unknown as VoiceConversation;
    const sut = new ProposedToolCallsListener(
      events,
      { findByCall: async () => session } as unknown as SessionsService,
      { run: async () => succeeded } as unknown as ToolCallPipeline,
      { markOutputSent } as unknown as ToolCallsRepository,
      conversation,
      { addOwnTime: () => done() } as unknown as LatencyMeter,
    );
    sut.onModuleInit();
  });
  afterEach(() => jest.restoreAllMocks());

  async function propose(...ids: string[]): Promise<void> {
    const settled = finished();
    events.emit('call.tool_calls', {
      callId: 'rtc_1',
      calls: ids.map((toolCallId) => ({ toolCallId, name: 't', arguments: '{}' })),
    });
    await settled;
  }

  it('sends each claimed output before claiming the next, then asks for one reply', async () => {
    markOutputSent.mockResolvedValueOnce(true).mockRejectedValueOnce(new Error('db down'));
    await propose('call_a', 'call_b');
    // The first output was claimed, so it went out even though the second claim failed.
    expect(sent.map((s) => s.toolCallId)).toEqual(['call_a']);
  });

  it('sends only the outputs it claimed, and no reply when none was sent', async () => {
    markOutputSent.mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    await propose('call_a', 'call_b');
    expect(sent.map((s) => s.toolCallId)).toEqual(['call_b']);
    expect(answered).toEqual(['rtc_1']);

    sent.length = 0;
    answered.length = 0;
    markOutputSent.mockResolvedValue(false);
    await propose('call_c');
    expect(sent).toEqual([]);
    expect(answered).toEqual([]);
  });
});
