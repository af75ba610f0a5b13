import type { TurnDetection } from '../protocol/session-config.js';
import { dbfs, EnergyVad } from './energy-vad.js';

const RATE = 24_000;
const FRAME_MS = 20;
const FRAME_SAMPLES = (RATE * FRAME_MS) / 1000;

const silence = (): Int16Array => new Int16Array(FRAME_SAMPLES);
const sine = (amplitude: number): Int16Array =>
  Int16Array.from({ length: FRAME_SAMPLES }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * 440 * i) / RATE)),
  );

const serverVad = (overrides: Partial<TurnDetection> = {}): TurnDetection =>
  ({
    type: 'server_vad',
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 500,
    create_response: true,
    interrupt_response: true,
    idle_timeout_ms: null,
    ...overrides,
  }) as TurnDetection;

const semanticVad = (eagerness: 'low' | 'medium' | 'high' | 'auto'): TurnDetection => ({
  type: 'semantic_vad',
  eagerness,
  create_response: true,
  interrupt_response: true,
});

type Event = ['started', number, number] | ['stopped', number, number, number];

/** A VAD that records each callback with the audio position at which it fired. */
function recorder(td: TurnDetection | null) {
  const events: Event[] = [];
  const vad: EnergyVad = new EnergyVad(td, {
    speechStarted: (start) => events.push(['started', start, vad.positionMs]),
    speechStopped: (end, ms) => events.push(['stopped', end, ms, vad.positionMs]),
  });
  const feed = (ms: number, frame: () => Int16Array) => {
    for (let i = 0; i < ms / FRAME_MS; i++) vad.push(frame(), RATE);
  };
  return { vad, events, feed };
}

/** 1 s of silence, `speechMs` of a loud sine, then 2 s of silence. */
function utterance(td: TurnDetection | null, speechMs = 1000, amplitude = 10_000) {
  const r = recorder(td);
  r.feed(1000, silence);
  r.feed(speechMs, () => sine(amplitude));
  r.feed(2000, silence);
  return r;
}

describe(EnergyVad.name, () => {
  it('reports speech start (minus prefix padding) and stop after the silence duration', () => {
    // Started once 60 ms of loud audio arrived; stopped once 500 ms of silence followed.
    expect(utterance(serverVad()).events).toEqual([
      ['started', 700, 1060],
      ['stopped', 2000, 1300, 2500],
    ]);
  });

  it('detects nothing in silence', () => {
    const { events, feed, vad } = recorder(serverVad());
    feed(3000, silence);
    expect(events).toEqual([]);
    expect(vad.positionMs).toBe(3000);
  });

  it('honours prefix_padding_ms, never starting before 0', () => {
    expect(utterance(serverVad({ prefix_padding_ms: 0 })).events[0]).toEqual([
      'started',
      1000,
      1060,
    ]);
    expect(utterance(serverVad({ prefix_padding_ms: 5000 })).events).toEqual([
      ['started', 0, 1060],
      ['stopped', 2000, 2000, 2500],
    ]);
  });

  it('honours silence_duration_ms', () => {
    expect(utterance(serverVad({ silence_duration_ms: 200 })).events[1]).toEqual([
      'stopped',
      2000,
      1300,
      2200,
    ]);
  });

  it('keeps one turn across a pause shorter than the silence duration', () => {
    const { events, feed } = recorder(serverVad());
    feed(1000, silence);
    feed(400, () => sine(10_000));
    feed(400, silence);
    feed(400, () => sine(10_000));
    feed(1000, silence);
    expect(events).toEqual([
      ['started', 700, 1060],
      ['stopped', 2200, 1500, 2700],
    ]);
  });

  it('honours the threshold (0.5 ≈ -35 dBFS, 0.6 ≈ -30 dBFS)', () => {
    // A sine of amplitude 1000 is about -33 dBFS.
    expect(utterance(serverVad({ threshold: 0.5 }), 1000, 1000).events).toHaveLength(2);
    expect(utterance(serverVad({ threshold: 0.6 }), 1000, 1000).events).toEqual([]);
  });

  it('ignores loud bursts shorter than 60 ms', () => {
    expect(utterance(serverVad(), 40).events).toEqual([]);
    expect(utterance(serverVad(), 60).events.map((event) => event[0])).toEqual([
      'started',
      'stopped',
    ]);
  });

  it('detects nothing when turn_detection is null, yet tracks the audio position', () => {
    const { events, vad } = utterance(null);
    expect(events).toEqual([]);
    expect(vad.positionMs).toBe(4000);
  });

  it('stops detecting, without a stop event, once configured with null', () => {
    const { vad, events, feed } = recorder(serverVad());
    feed(200, () => sine(10_000));
    vad.configure(null);
    feed(1000, silence);
    feed(500, () => sine(10_000));
    expect(events).toEqual([['started', 0, 60]]);
    vad.configure(serverVad({ prefix_padding_ms: 0 }));
    feed(100, () => sine(10_000));
    expect(events).toEqual([
      ['started', 0, 60],
      ['started', 1700, 1760],
    ]);
  });

  it.each([
    ['high', 400],
    ['medium', 800],
    ['auto', 800],
    ['low', 1500],
  ] as const)('ends a semantic_vad turn with %s eagerness after %p ms', (eagerness, silenceMs) => {
    expect(utterance(semanticVad(eagerness)).events).toEqual([
      ['started', 700, 1060],
      ['stopped', 2000, 1300, 2000 + silenceMs],
    ]);
  });
});

describe(dbfs.name, () => {
  it('measures the RMS level relative to full scale', () => {
    expect(dbfs(new Int16Array(FRAME_SAMPLES).fill(32767))).toBeCloseTo(0, 3);
    expect(dbfs(new Int16Array(FRAME_SAMPLES).fill(-3277))).toBeCloseTo(-20, 1);
    expect(dbfs(sine(32767))).toBeCloseTo(-3, 0);
  });

  it('reports silence and an empty frame as -Infinity', () => {
    expect(dbfs(silence())).toBe(-Infinity);
    expect(dbfs(new Int16Array(0))).toBe(-Infinity);
  });
});
