import { createEffectiveSession } from '../protocol/session-config.js';
import { defaultScenario } from '../scenario/default-scenario.js';
import type { SimulatorLogger } from '../simulator-logger.js';
import { CallRegistry } from './call-registry.js';
import type { EventSink, ServerEvent } from './call-types.js';
import { RealtimeCall } from './realtime-call.js';

function socketSink(maxIncomingBytes: number): EventSink & { events: ServerEvent[] } {
  const events: ServerEvent[] = [];
  return {
    via: 'websocket',
    maxIncomingBytes,
    maxOutgoingBytes: Infinity,
    events,
    write: (text) => events.push(JSON.parse(text) as ServerEvent),
    close: () => undefined,
  };
}

describe(RealtimeCall.name, () => {
  const warnings: Record<string, unknown>[] = [];
  const logger: SimulatorLogger = { warn: (details) => warnings.push(details) };
  const registry = new CallRegistry({
    scenario: defaultScenario,
    maxCallDurationMs: 60_000,
    speechMsPerChar: 50,
    timeScale: 1,
    logger,
  });
  afterAll(() => registry.endAll('test_done'));

  function connectedCall(maxIncomingBytes: number) {
    const call = registry.create('websocket', createEffectiveSession());
    const sink = socketSink(maxIncomingBytes);
    call.attach(sink);
    return { call, sink };
  }

  describe('receiveFrom', () => {
    const retrieve = JSON.stringify({ type: 'conversation.item.retrieve', item_id: 'item_x' });
    const size = Buffer.byteLength(retrieve);

    it('handles an event of exactly the connection limit', () => {
      const { call, sink } = connectedCall(size);
      call.receiveFrom(sink, Buffer.from(retrieve));
      expect(sink.events.map((e) => (e.error as { code: string }).code)).toEqual([
        'item_not_found',
      ]);
    });

    it('refuses an event one byte over, unread, and keeps only its size in the log', () => {
      const { call, sink } = connectedCall(size - 1);
      call.receiveFrom(sink, retrieve);
      expect(sink.events).toEqual([
        expect.objectContaining({
          type: 'error',
          error: {
            type: 'invalid_request_error',
            code: 'event_too_large',
            message: `The event is ${size} bytes; a WebSocket carries at most ${size - 1} bytes per event.`,
            param: null,
            event_id: null,
          },
        }),
      ]);
      expect(call.log[0]).toMatchObject({
        direction: 'in',
        event: { refused: 'event_too_large', bytes: size },
      });
    });
  });

  it('answers a handler that fails unexpectedly with server_error, and records the fault', () => {
    const { call, sink } = connectedCall(1024);
    call.spoken.pushAudio = () => {
      throw new RangeError('a simulator bug');
    };
    call.receiveFrom(sink, JSON.stringify({ type: 'input_audio_buffer.append', audio: 'AAAA' }));
    expect(sink.events.at(-1)?.error).toMatchObject({ type: 'server_error', code: null });
    const fault = { kind: 'handler_failed', error: 'a simulator bug' };
    expect(call.log).toContainEqual(expect.objectContaining({ direction: 'fault', event: fault }));
    expect(warnings).toContainEqual({ callId: call.id, via: 'websocket', ...fault });
  });
});
