import { jest } from '@jest/globals';

import { createEffectiveSession } from '../protocol/session-config.js';
import { defaultScenario } from '../scenario/default-scenario.js';
import { CallRegistry } from './call-registry.js';
import type { EventSink, ServerEvent } from './call-types.js';
import type { RealtimeCall } from './realtime-call.js';

const RATE = 24000;

/** `ms` of 16-bit PCM: a loud 400 Hz tone, or silence. */
function pcm(ms: number, loud: boolean): Int16Array {
  const samples = new Int16Array((RATE * ms) / 1000);
  if (loud)
    for (let i = 0; i < samples.length; i++)
      samples[i] = Math.round(12000 * Math.sin((2 * Math.PI * 400 * i) / RATE));
  return samples;
}

/** The speech events, checked to be two turns, each started then stopped. */
function twoPairedTurns(events: ServerEvent[]): ServerEvent[] {
  const vad = events.filter((e) => e.type.startsWith('input_audio_buffer.speech_'));
  expect(vad.map((e) => e.type)).toEqual([
    'input_audio_buffer.speech_started',
    'input_audio_buffer.speech_stopped',
    'input_audio_buffer.speech_started',
    'input_audio_buffer.speech_stopped',
  ]);
  return vad;
}

describe('SpokenTurns', () => {
  const registry = new CallRegistry({
    scenario: { ...defaultScenario, greeting: undefined },
    maxCallDurationMs: 60_000,
    speechMsPerChar: 50,
    timeScale: 1,
    logger: { warn: () => undefined },
  });
  afterAll(() => registry.endAll('test_done'));

  function attached(createResponse: boolean) {
    const session = createEffectiveSession();
    session.audio.input.turn_detection = {
      ...session.audio.input.turn_detection!,
      create_response: createResponse,
    } as never;
    const call = registry.create('websocket', session);
    const events: ServerEvent[] = [];
    const waiters: { type: string; count: number; resolve: () => void }[] = [];
    const sink: EventSink = {
      via: 'websocket',
      maxIncomingBytes: Infinity,
      maxOutgoingBytes: Infinity,
      write: (text) => {
        events.push(JSON.parse(text) as ServerEvent);
        for (const w of waiters)
          if (events.filter((e) => e.type === w.type).length >= w.count) w.resolve();
      },
      close: () => undefined,
    };
    call.attach(sink);
    /** Resolves once `count` events of `type` have been sent. */
    const seen = (type: string, count: number) =>
      new Promise<void>((resolve) => waiters.push({ type, count, resolve }));
    return { call, events, seen };
  }

  it('pairs every speech_started with its speech_stopped when a turn is injected while the caller speaks', () => {
    const { call, events } = attached(false);

    for (let i = 0; i < 10; i++) call.spoken.pushAudio(pcm(20, true), RATE);
    call.spoken.inject({ text: 'I also said this.' });
    for (let i = 0; i < 50; i++) call.spoken.pushAudio(pcm(20, false), RATE);

    const vad = twoPairedTurns(events);
    expect(vad[0].item_id).toBe(vad[1].item_id);
    expect(vad[2].item_id).toBe(vad[3].item_id);
    expect(vad[0].item_id).not.toBe(vad[2].item_id);
    const committed = events.filter((e) => e.type === 'input_audio_buffer.committed');
    expect(committed.map((e) => e.item_id)).toEqual([vad[0].item_id, vad[2].item_id]);
  });

  it('answers a turn that barged in on a reply once that reply has stopped', async () => {
    const { call, events, seen } = attached(true);
    call.spoken.inject({ text: 'Tell me a long story.' });
    await seen('response.created', 1);
    call.spoken.inject({ text: 'Stop, where is my order 10042?' });
    await seen('response.done', 2);
    const done = events.filter((e) => e.type === 'response.done');
    expect((done[0].response as { status: string }).status).toBe('cancelled');
    expect((done[1].response as { status: string }).status).toBe('completed');
  });

  it('closes the open turn when turn detection changes, and then speaks the turns that waited', () => {
    const { call, events } = attached(false);
    for (let i = 0; i < 10; i++) call.spoken.pushAudio(pcm(20, true), RATE);
    call.spoken.inject({ text: 'queued' });
    call.session = {
      ...call.session,
      audio: {
        ...call.session.audio,
        input: { ...call.session.audio.input, turn_detection: null },
      },
    };
    call.vad.configure(null);
    call.spoken.turnDetectionChanged();
    const vad = twoPairedTurns(events);
    expect(vad[0].item_id).toBe(vad[1].item_id);
    const committed = events.filter((e) => e.type === 'input_audio_buffer.committed');
    expect(committed.map((e) => e.item_id)).toEqual([vad[2].item_id]);
  });
});

describe('SpokenTurns input transcription timing', () => {
  const TRANSCRIPTION = 'conversation.item.input_audio_transcription';
  const USER_ITEM_THEN_TRANSCRIPT = [
    'input_audio_buffer.committed',
    'conversation.item.added',
    'conversation.item.done',
    `${TRANSCRIPTION}.delta`,
    `${TRANSCRIPTION}.delta`,
    `${TRANSCRIPTION}.delta`,
    `${TRANSCRIPTION}.completed`,
  ];

  // The delayed transcription runs on plain timers (no response is created here), so fake timers
  // can step through it exactly; they are installed before the registry creates any call.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A call that transcribes input and never answers, with every event it sends. */
  function transcribing(transcriptionDelayMs: number, timeScale = 1) {
    const registry = new CallRegistry({
      scenario: { ...defaultScenario, greeting: undefined },
      maxCallDurationMs: 60_000,
      speechMsPerChar: 50,
      timeScale,
      transcriptionDelayMs,
      logger: { warn: () => undefined },
    });
    const session = createEffectiveSession();
    session.audio.input.transcription = { model: 'whisper-1' };
    session.audio.input.turn_detection = {
      ...session.audio.input.turn_detection!,
      create_response: false,
    } as never;
    const call: RealtimeCall = registry.create('websocket', session);
    const events: ServerEvent[] = [];
    call.attach({
      via: 'websocket',
      maxIncomingBytes: Infinity,
      maxOutgoingBytes: Infinity,
      write: (text) => events.push(JSON.parse(text) as ServerEvent),
      close: () => undefined,
    });
    /** The types sent from the commit on (the injected turn's speech events come before). */
    const fromCommit = () =>
      events
        .map((e) => e.type)
        .slice(events.findIndex((e) => e.type === 'input_audio_buffer.committed'));
    return { call, events, fromCommit };
  }

  it('without a delay, sends the transcription at once, right after the user item', () => {
    const { call, events, fromCommit } = transcribing(0);
    call.spoken.inject({ text: 'Where is it?' });
    expect(fromCommit()).toEqual(USER_ITEM_THEN_TRANSCRIPT);
    const completed = events.find((e) => e.type === `${TRANSCRIPTION}.completed`);
    expect(completed?.transcript).toBe('Where is it?');
    call.end('test_done');
  });

  it('with a delay, spreads the deltas over it and completes at its end', () => {
    const { call, events, fromCommit } = transcribing(400);
    call.spoken.inject({ text: 'Where is it?' });
    expect(fromCommit()).toEqual(USER_ITEM_THEN_TRANSCRIPT.slice(0, 3));

    // Three words: a delta every 100 ms, `.completed` at 400 ms.
    jest.advanceTimersByTime(100);
    expect(fromCommit()).toEqual(USER_ITEM_THEN_TRANSCRIPT.slice(0, 4));
    jest.advanceTimersByTime(200);
    expect(fromCommit()).toEqual(USER_ITEM_THEN_TRANSCRIPT.slice(0, 6));
    jest.advanceTimersByTime(99);
    expect(fromCommit()).not.toContain(`${TRANSCRIPTION}.completed`);
    jest.advanceTimersByTime(1);
    expect(fromCommit()).toEqual(USER_ITEM_THEN_TRANSCRIPT);
    const deltas = events.filter((e) => e.type === `${TRANSCRIPTION}.delta`);
    expect(deltas.map((e) => e.delta).join('')).toBe('Where is it?');
    call.end('test_done');
  });

  it('scales the delay by timeScale, as paced audio is', () => {
    const { call, fromCommit } = transcribing(400, 0.5);
    call.spoken.inject({ text: 'Where is it?' });
    jest.advanceTimersByTime(199);
    expect(fromCommit()).not.toContain(`${TRANSCRIPTION}.completed`);
    jest.advanceTimersByTime(1);
    expect(fromCommit()).toEqual(USER_ITEM_THEN_TRANSCRIPT);
    call.end('test_done');
  });

  it('sends a transcription failure at the delay too', () => {
    const { call, fromCommit } = transcribing(300);
    call.spoken.inject({ text: 'mumble', transcriptionFails: true });
    jest.advanceTimersByTime(299);
    expect(fromCommit()).toEqual(USER_ITEM_THEN_TRANSCRIPT.slice(0, 3));
    jest.advanceTimersByTime(1);
    expect(fromCommit()).toEqual([
      ...USER_ITEM_THEN_TRANSCRIPT.slice(0, 3),
      `${TRANSCRIPTION}.failed`,
    ]);
    call.end('test_done');
  });

  it('sends nothing more once the call has ended, and leaves no timer behind', () => {
    const { call, fromCommit } = transcribing(400);
    call.spoken.inject({ text: 'Where is it?' });
    jest.advanceTimersByTime(100);
    const before = call.log.length;
    call.end('test_done');
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1000);
    expect(call.log.length).toBe(before);
    expect(fromCommit()).not.toContain(`${TRANSCRIPTION}.completed`);
  });
});
