import OpenAI from 'openai';

import { startSimulator, type Scenario, type Simulator } from '../../src/simulator/index.js';
import { RealtimeSocket } from './realtime-socket.js';

/** One simulator for a describe block, an `openai` client on it, and sockets closed after each test. */
export interface SimulatorSuite {
  readonly sim: Simulator;
  readonly client: OpenAI;
  /** Opens a `/v1/realtime` socket (`query` as given) that is closed after the test. */
  open(query: string, key?: string): Promise<RealtimeSocket>;
}

/** Registers the hooks; call it inside `describe`. The simulator runs fast (`timeScale` 0.05). */
export function simulatorSuite(scenario: Scenario): SimulatorSuite {
  let sim: Simulator | undefined;
  let client: OpenAI | undefined;
  const opened: RealtimeSocket[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, timeScale: 0.05, scenario });
    client = new OpenAI({ apiKey: sim.apiKey, baseURL: `${sim.url}/v1`, maxRetries: 0 });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((socket) => socket.closeAndWait()));
  });
  afterAll(async () => {
    await sim?.close();
  });
  return {
    get sim() {
      return sim!;
    },
    get client() {
      return client!;
    },
    async open(query, key) {
      const socket = await RealtimeSocket.open(sim!.url, query, key ?? sim!.apiKey);
      opened.push(socket);
      return socket;
    },
  };
}
