import { OpenAIError } from '../protocol/openai-error.js';
import type { EventSink } from './call-types.js';
import { assertDeliverable, closeQuietly, deliver, type DeliveryFault } from './event-delivery.js';

/** A sink that records what it was given; `fail` makes its writes and closes throw. */
function fakeSink(maxOutgoingBytes: number, fail = false): EventSink & { written: string[] } {
  const written: string[] = [];
  return {
    via: 'datachannel',
    maxIncomingBytes: 65_536,
    maxOutgoingBytes,
    written,
    write: (text) => {
      if (fail) throw new Error('max-message-size exceeded');
      written.push(text);
    },
    close: () => {
      if (fail) throw new RangeError('invalid close code');
    },
  };
}

const event = (text: string) => ({ event_id: 'event_1', type: 'conversation.item.added', text });
const sizeOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('event delivery', () => {
  let faults: DeliveryFault[];
  const report = (fault: DeliveryFault) => faults.push(fault);
  beforeEach(() => (faults = []));

  describe(deliver.name, () => {
    it('writes an event of exactly the peer limit as it is', () => {
      const sink = fakeSink(sizeOf(event('abc')));
      deliver(sink, event('abc'), report);
      expect(sink.written).toEqual([JSON.stringify(event('abc'))]);
      expect(faults).toEqual([]);
    });

    it('sends a short server_error in place of an event one byte over, and reports it', () => {
      const limit = sizeOf(event('abc')) - 1;
      const sink = fakeSink(limit);
      deliver(sink, event('abc'), report);
      expect(faults).toEqual([
        {
          kind: 'too_large',
          type: 'conversation.item.added',
          eventId: 'event_1',
          bytes: limit + 1,
          maxBytes: limit,
        },
      ]);
      expect(sink.written.map((text) => JSON.parse(text) as unknown)).toEqual([
        {
          event_id: expect.stringMatching(/^event_/),
          type: 'error',
          error: {
            type: 'server_error',
            code: 'server_event_too_large',
            message: `A conversation.item.added event of ${limit + 1} bytes was not sent: this connection takes at most ${limit} bytes per event.`,
            param: null,
            event_id: null,
          },
        },
      ]);
    });

    it('reports a write that throws instead of letting it out', () => {
      expect(() => deliver(fakeSink(Infinity, true), event('abc'), report)).not.toThrow();
      expect(faults).toEqual([{ kind: 'write_failed', error: 'max-message-size exceeded' }]);
    });
  });

  describe(closeQuietly.name, () => {
    it('reports a close that throws instead of letting it out', () => {
      expect(() => closeQuietly(fakeSink(Infinity, true), 1000, 'bye', report)).not.toThrow();
      expect(faults).toEqual([{ kind: 'close_failed', error: 'invalid close code' }]);
    });
  });

  describe(assertDeliverable.name, () => {
    const answer = { type: 'session.updated', session: { instructions: 'x'.repeat(1000) } };

    it('passes when every connection takes the answer, or when there is none', () => {
      expect(() =>
        assertDeliverable([fakeSink(2000), fakeSink(Infinity)], answer, 's'),
      ).not.toThrow();
      expect(() => assertDeliverable([], answer, 'session')).not.toThrow();
    });

    it('refuses with event_too_large when the smallest connection cannot take it', () => {
      let error: unknown;
      try {
        assertDeliverable([fakeSink(Infinity), fakeSink(500)], answer, 'session');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(OpenAIError);
      expect((error as OpenAIError).toBody()).toEqual({
        type: 'invalid_request_error',
        code: 'event_too_large',
        param: 'session',
        message: expect.stringMatching(
          /^The session\.updated event this would send is \d+ bytes; a connection of this call carries at most 500 bytes per event\. Nothing was changed\.$/,
        ),
      });
    });
  });
});
