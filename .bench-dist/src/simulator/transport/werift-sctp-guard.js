/** The parts of werift's SCTP association (not exported as a type) that the guard touches. */ /**
 * Works around a werift 0.25 SCTP bug: when its retransmission timer fires, `transmit()` re-sends
 * the queued chunks one `await` at a time, and a SACK that arrives in between empties the sent
 * queue while the loop keeps adding the remaining chunks to `flightSize`. Nothing is in flight,
 * yet `flightSize` stays above the (now one-packet) congestion window, so every later message
 * waits forever: the page stops hearing the simulator while it still hears the page. (Seen with
 * Chromium pages that send no steady audio: SACKs come late and the timer fires.) With nothing
 * left unacknowledged, nothing is in flight, so that is restored before each transmit.
 */ export function guardSctpFlightSize(association) {
    const sctp = association;
    if (!sctp || typeof sctp.transmit !== 'function' || !Array.isArray(sctp.sentQueue)) return;
    const transmit = sctp.transmit.bind(sctp);
    sctp.transmit = ()=>{
        if (sctp.sentQueue.length === 0 && (sctp.flightSize ?? 0) > 0) sctp.flightSize = 0;
        return transmit();
    };
}

//# sourceMappingURL=werift-sctp-guard.js.map