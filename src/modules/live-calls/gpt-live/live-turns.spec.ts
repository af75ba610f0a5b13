import { LiveTurns, TURN_GAP_MS } from './live-turns.js';

const at = (delta: string, start_ms: number, end_ms = start_ms + 100) => ({
  delta,
  start_ms,
  end_ms,
});

describe(LiveTurns.name, () => {
  it('makes a caller line and a voice line from deltas, with the timeline gap as latency', () => {
    const sut = new LiveTurns();
    expect(sut.input(at('Where ', 0, 200))).toEqual({ lines: [], callerResumed: true });
    expect(sut.input(at('is it?', 250, 600)).lines).toEqual([]);
    const answered = sut.output(at('It ', 1450));
    expect(answered).toEqual({
      lines: [{ role: 'user', text: 'Where is it?' }],
      callerResumed: false,
      answeredAfterMs: 850,
    });
    expect(sut.output(at('shipped.', 1600)).answeredAfterMs).toBeUndefined();
    const next = sut.input(at('Thanks', 3000));
    expect(next).toEqual({
      lines: [{ role: 'assistant', text: 'It shipped.' }],
      callerResumed: true,
    });
    expect(sut.end()).toEqual([{ role: 'user', text: 'Thanks' }]);
    expect(sut.end()).toEqual([]);
  });

  it('a long pause in the caller’s speech starts a new caller turn', () => {
    const sut = new LiveTurns();
    sut.input(at('Hello.', 0, 400));
    const resumed = sut.input(at('Anyone?', 400 + TURN_GAP_MS + 1));
    expect(resumed).toEqual({ lines: [{ role: 'user', text: 'Hello.' }], callerResumed: true });
    const close = sut.input(at('there', 400 + TURN_GAP_MS + 150));
    expect(close).toEqual({ lines: [], callerResumed: false });
  });

  it('speech the voice starts on its own is no answer (no latency)', () => {
    const sut = new LiveTurns();
    expect(sut.output(at('Welcome!', 0)).answeredAfterMs).toBeUndefined();
    // An answer that starts before the caller's last word ended (barge-in overlap) counts as 0.
    sut.input(at('Hi', 500, 900));
    expect(sut.output(at('Yes', 800)).answeredAfterMs).toBe(0);
  });

  it('puts a space between two utterances of one turn whose deltas carry none', () => {
    const sut = new LiveTurns();
    sut.input(at('good ', 0, 100));
    sut.input(at('bye', 100, 200));
    sut.input(at('thanks', 500, 700));
    expect(sut.output(at('Bye!', 900)).lines).toEqual([{ role: 'user', text: 'good bye thanks' }]);
  });
});
