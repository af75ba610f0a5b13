import { jest } from '@jest/globals';

import { TurnTranscripts } from './turn-transcripts.js';

describe(TurnTranscripts.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('collects deltas, then takes the completed transcript as the words', () => {
    const sut = new TurnTranscripts();
    sut.delta('item_1', 'can I ');
    sut.delta('item_1', 'return');
    expect(sut.current('item_1')).toEqual({ text: 'can I return', done: false, typed: false });
    sut.completed('item_1', 'Can I return it?');
    expect(sut.current('item_1')).toEqual({ text: 'Can I return it?', done: true, typed: false });
    // A late delta (a replay) does not change a complete turn.
    sut.delta('item_1', ' extra');
    expect(sut.current('item_1').text).toBe('Can I return it?');
  });

  it('keeps the deltas as the words when the transcription failed', () => {
    const sut = new TurnTranscripts();
    sut.delta('item_1', 'half a ');
    sut.completed('item_1', undefined);
    expect(sut.current('item_1')).toEqual({ text: 'half a', done: true, typed: false });
  });

  it('wakes a waiting turn when its transcript completes, before the deadline', async () => {
    const sut = new TurnTranscripts();
    let woke = false;
    const waiting = sut.complete('item_1', 1000).then(() => (woke = true));
    jest.advanceTimersByTime(100);
    await Promise.resolve();
    expect(woke).toBe(false);
    sut.completed('item_1', 'done');
    await waiting;
    expect(woke).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops waiting at the deadline when the transcript is late', async () => {
    const sut = new TurnTranscripts();
    const waiting = sut.complete('item_1', 250);
    jest.advanceTimersByTime(250);
    await waiting;
    expect(sut.current('item_1').done).toBe(false);
  });

  it('does not wait for a typed turn, or with no time left', async () => {
    const sut = new TurnTranscripts();
    sut.typed('item_1', 'hello');
    await sut.complete('item_1', 1000);
    await sut.complete('item_2', 0);
    expect(jest.getTimerCount()).toBe(0);
    expect(sut.current('item_1')).toEqual({ text: 'hello', done: true, typed: true });
  });

  it('forgets the oldest turns beyond the last 32', () => {
    const sut = new TurnTranscripts();
    for (let i = 0; i < 40; i++) sut.typed(`item_${i}`, `turn ${i}`);
    expect(sut.current('item_0').text).toBe('');
    expect(sut.current('item_39').text).toBe('turn 39');
  });
});
