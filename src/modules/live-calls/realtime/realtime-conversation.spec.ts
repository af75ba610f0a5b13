import { RealtimeEventBus, type ServerEventOf } from '../../realtime/index.js';
import type { SidebandConnections, SidebandTags } from '../../realtime/index.js';
import { VoiceEvents, type VoiceCallEvents } from '../../voice/index.js';
import type { GovernedCalls } from './governed-calls.js';
import { RealtimeConversation } from './realtime-conversation.js';
import type { RealtimePricing } from './realtime-pricing.js';
import type { ServerResponses } from './server-responses.js';

function responseDone(response: Record<string, unknown>): ServerEventOf<'response.done'> {
  return { type: 'response.done', event_id: 'ev_1', response } as ServerEventOf<'response.done'>;
}

describe(RealtimeConversation.name, () => {
  let bus: RealtimeEventBus;
  let proposed: VoiceCallEvents['call.tool_calls'][];
  let charged: string[];

  beforeEach(() => {
    bus = new RealtimeEventBus();
    const events = new VoiceEvents();
    proposed = [];
    charged = [];
    events.on('call.tool_calls', (batch) => proposed.push(batch));
    events.on('call.charged', ({ callId }) => charged.push(callId));
    const sut = new RealtimeConversation(
      bus,
      events,
      {} as SidebandConnections,
      {} as SidebandTags,
      {} as ServerResponses,
      { get: () => undefined } as unknown as GovernedCalls,
      {} as RealtimePricing,
    );
    sut.onModuleInit();
  });

  function arrive(event: ServerEventOf<'response.done'>): void {
    bus.emit('server:response.done', { callId: 'rtc_1', event });
  }

  it('proposes the function calls of a completed response, and charges it', () => {
    arrive(
      responseDone({
        status: 'completed',
        usage: { input_tokens: 1, output_tokens: 1 },
        output: [
          { type: 'message', role: 'assistant', content: [] },
          { type: 'function_call', call_id: 'call_1', name: 'lookup_order', arguments: '{}' },
        ],
      }),
    );
    expect(proposed).toEqual([
      {
        callId: 'rtc_1',
        calls: [{ toolCallId: 'call_1', name: 'lookup_order', arguments: '{}' }],
      },
    ]);
    expect(charged).toEqual(['rtc_1']);
  });

  it('hands a call the wire sent without id, name or arguments to the pipeline as empty, to be refused there', () => {
    arrive(responseDone({ status: 'completed', output: [{ type: 'function_call' }] }));
    expect(proposed).toEqual([
      { callId: 'rtc_1', calls: [{ toolCallId: '', name: '', arguments: '' }] },
    ]);
  });

  it('proposes nothing from a cancelled response, but still charges what it used', () => {
    arrive(
      responseDone({
        status: 'cancelled',
        usage: { input_tokens: 1, output_tokens: 0 },
        output: [
          { type: 'function_call', call_id: 'call_2', name: 'issue_refund', arguments: '{}' },
        ],
      }),
    );
    expect(proposed).toEqual([]);
    expect(charged).toEqual(['rtc_1']);
  });
});
