import OpenAI from 'openai';

import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { RealtimeSocket } from '../support/realtime-socket.js';

type Json = Record<string, unknown>;

/** What the plain `/v1/realtime?model=` WebSocket does with keys and session updates. */
describe('simulator: the WebSocket session as the real API runs it', () => {
  let sim: Simulator;
  let client: OpenAI;
  const opened: RealtimeSocket[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, timeScale: 0.05 });
    client = new OpenAI({ apiKey: sim.apiKey, baseURL: `${sim.url}/v1`, maxRetries: 0 });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((socket) => socket.closeAndWait()));
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function open(query: string, key: string): Promise<RealtimeSocket> {
    const socket = await RealtimeSocket.open(sim.url, query, key);
    opened.push(socket);
    return socket;
  }

  it('applies the session an ek_ key was minted with, and the query cannot override it', async () => {
    const tool = {
      type: 'function' as const,
      name: 'lookup_order',
      description: 'Look up an order.',
      parameters: { type: 'object', properties: { orderNumber: { type: 'string' } } },
    };
    const secret = await client.realtime.clientSecrets.create({
      session: {
        type: 'realtime',
        model: 'gpt-realtime',
        instructions: 'Minted instructions.',
        tools: [tool],
      },
    });
    const socket = await open('model=gpt-realtime-mini', secret.value);
    const created = await socket.stream.next('session.created');
    expect(created.session).toMatchObject({
      model: 'gpt-realtime',
      instructions: 'Minted instructions.',
      tools: [expect.objectContaining({ name: 'lookup_order' })],
    });
  });

  it('accepts a full session.update that repeats the session’s model, and refuses another model visibly', async () => {
    const socket = await open('model=gpt-realtime-2.1', sim.apiKey);
    await socket.stream.next('session.created');
    socket.send({
      type: 'session.update',
      event_id: 'evt_same',
      session: { type: 'realtime', model: 'gpt-realtime-2.1', instructions: 'Updated.' },
    });
    const updated = await socket.stream.next('session.updated');
    expect((updated.session as Json).instructions).toBe('Updated.');

    socket.send({
      type: 'session.update',
      event_id: 'evt_other',
      session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Not applied.' },
    });
    const refused = await socket.stream.next('error');
    expect(refused.error).toMatchObject({
      type: 'invalid_request_error',
      param: 'session.model',
      event_id: 'evt_other',
    });
  });
});
