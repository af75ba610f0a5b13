import OpenAI from 'openai';
import { SidebandWS } from 'openai/resources/live/sideband/ws';
import { WebSocket } from 'ws';

import {
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../src/simulator/index.js';
import { EventStream, type RealtimeEvent } from './event-stream.js';

/** The SDK's own sideband on a Live session, every event it receives collected. */
export async function attachSideband(client: OpenAI, sessionId: string) {
  const sideband = new SidebandWS(client, { session_id: sessionId });
  const events = new EventStream();
  sideband.on('event', (event) => events.push(event as never));
  // `error` events also come as 'event'; the SDK throws them when nobody listens for 'error'.
  sideband.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    sideband.socket.once('open', () => resolve());
    sideband.socket.once('error', reject);
  });
  return { sideband, events };
}

/** A raw primary Live WebSocket (`session.start` is the test's to send). */
export async function openPrimary(sim: Simulator) {
  const ws = new WebSocket(`${sim.url.replace(/^http/, 'ws')}/v1/live/sessions`, {
    headers: { Authorization: `Bearer ${sim.apiKey}` },
  });
  const events = new EventStream();
  ws.on('message', (data) => events.push(JSON.parse(data.toString()) as never));
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    events,
    closed,
    send: (event: Record<string, unknown>) => ws.send(JSON.stringify(event)),
    sendRaw: (text: string) => ws.send(text),
    close: () => ws.close(),
  };
}

/** `POST /__sim/live/sessions/{id}/say`: the caller says `text` (an injected turn). */
export function sayToLive(sim: Simulator, sessionId: string, text: string): Promise<Response> {
  return fetch(`${sim.url}/__sim/live/sessions/${sessionId}/say`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

/**
 * Waits until everything the voice said so far (all its output transcript deltas, joined)
 * contains `text`; returns those deltas.
 */
export async function heardSaying(events: EventStream, text: string): Promise<RealtimeEvent[]> {
  const spoken = () => events.events.filter((e) => e.type === 'session.output_transcript.delta');
  const joined = () =>
    spoken()
      .map((d) => d.delta as string)
      .join('');
  while (!joined().includes(text)) await events.next('session.output_transcript.delta');
  return spoken();
}

/** One simulator for a describe block, an `openai` client on it, and Live connections closed after each test. */
export interface LiveSimulatorSuite {
  readonly sim: Simulator;
  readonly client: OpenAI;
  /** Runs `undo` after the current test (connections, browsers). */
  later(undo: () => Promise<void> | void): void;
  /** A primary WebSocket that has started a session with `session` over `gpt-live-1`. */
  primary(
    session?: Record<string, unknown>,
  ): Promise<{ socket: Awaited<ReturnType<typeof openPrimary>>; id: string }>;
  /** The SDK's sideband on the session, closed after the test. */
  attach(sessionId: string): ReturnType<typeof attachSideband>;
}

/** Registers the hooks; call it inside `describe`. The simulator runs fast (`timeScale` 0.02). */
export function liveSimulatorSuite(options: SimulatorOptions): LiveSimulatorSuite {
  let sim: Simulator | undefined;
  let client: OpenAI | undefined;
  const cleanup: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, timeScale: 0.02, ...options });
    client = new OpenAI({ apiKey: sim.apiKey, baseURL: `${sim.url}/v1`, maxRetries: 0 });
  });
  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
  });
  afterAll(() => sim?.close());
  const suite: LiveSimulatorSuite = {
    get sim() {
      return sim!;
    },
    get client() {
      return client!;
    },
    later: (undo) => cleanup.push(undo),
    async primary(session = {}) {
      const socket = await openPrimary(sim!);
      cleanup.push(() => socket.close());
      socket.send({ type: 'session.start', session: { model: 'gpt-live-1', ...session } });
      const started = await socket.events.next('session.started');
      return { socket, id: (started.session as { id: string }).id };
    },
    async attach(sessionId) {
      const attached = await attachSideband(client!, sessionId);
      cleanup.push(() => attached.sideband.close());
      return attached;
    },
  };
  return suite;
}
