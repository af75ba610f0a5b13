import { createEffectiveSession } from '../protocol/session-config.js';
import { defaultScenario } from '../scenario/default-scenario.js';
import { CallRegistry } from './call-registry.js';
import type { EventSink, ServerEvent } from './call-types.js';

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
