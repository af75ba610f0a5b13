import { guardSctpFlightSize } from './werift-sctp-guard.js';

describe(guardSctpFlightSize.name, () => {
  function association(flightSize: number, sentQueue: unknown[]) {
    const seen: number[] = [];
    const sctp = {
      flightSize,
      sentQueue,
      transmit: async function (this: { flightSize: number }) {
        seen.push(this.flightSize);
      },
    };
    return { sctp, seen };
  }

  it('clears a flight size that nothing unacknowledged accounts for, before transmitting', async () => {
    const { sctp, seen } = association(1700, []);
    guardSctpFlightSize(sctp);
    await sctp.transmit();
    expect(seen).toEqual([0]);
  });

  it('leaves the flight size alone while chunks are unacknowledged', async () => {
    const { sctp, seen } = association(1700, [{ tsn: 1 }]);
    guardSctpFlightSize(sctp);
    await sctp.transmit();
    expect(seen).toEqual([1700]);
  });

  it('ignores what is not a werift association', () => {
    expect(() => guardSctpFlightSize(undefined)).not.toThrow();
    expect(() => guardSctpFlightSize({ transmit: 1 })).not.toThrow();
  });
});
