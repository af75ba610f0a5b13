import {
  RealtimeAgent,
  RealtimeSession,
  tool,
  type RealtimeItem,
  type TransportEvent,
} from '@openai/agents-realtime';
import { z } from 'zod';

import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { AGENTS_SCENARIO } from '../support/agents-scenario.js';

/** Waits for the first event the session's transport reports that satisfies `match`. */
function transportEvent(
  session: RealtimeSession,
  match: (event: TransportEvent & Record<string, unknown>) => boolean,
): Promise<TransportEvent & Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (event: TransportEvent) => {
      const raw = event as TransportEvent & Record<string, unknown>;
      if (!match(raw)) return;
      session.off('transport_event', listener);
      resolve(raw);
    };
    session.on('transport_event', listener);
  });
}

function assistantText(history: RealtimeItem[]): string[] {
  return history.flatMap((item) =>
    item.type === 'message' && item.role === 'assistant'
      ? item.content.flatMap((part) =>
          'transcript' in part && part.transcript
            ? [part.transcript]
            : 'text' in part && part.text
              ? [part.text]
              : [],
        )
      : [],
  );
}

/**
 * `@openai/agents-realtime`, a client nobody here wrote, drives the simulator over its WebSocket
 * transport in Node: if it cannot run a turn unmodified, the simulator is wrong.
 */
describe('simulator: contract with @openai/agents-realtime over WebSocket', () => {
  let sim: Simulator;
  let session: RealtimeSession | undefined;

  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, scenario: AGENTS_SCENARIO, timeScale: 0.05 });
  });
  afterEach(() => {
    session?.close();
    session = undefined;
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function connect(tools: ReturnType<typeof tool>[] = []): Promise<RealtimeSession> {
    const agent = new RealtimeAgent({ name: 'Shop', instructions: 'Help with orders.', tools });
    const opened = new RealtimeSession(agent, { transport: 'websocket', model: 'gpt-realtime' });
    session = opened;
    const registered = transportEvent(
      opened,
      (event) =>
        event.type === 'session.updated' &&
        ((event.session as { tools?: { name: string }[] }).tools ?? []).length === tools.length,
    );
    await opened.connect({
      apiKey: sim.apiKey,
      url: `${sim.url.replace('http', 'ws')}/v1/realtime?model=gpt-realtime`,
    });
    await registered;
    return opened;
  }

  it('runs a tool turn: the model calls the agent’s tool, gets its output, and answers from it', async () => {
    const seen: string[] = [];
    const lookupOrder = tool({
      name: 'lookup_order',
      description: 'Look up one of the caller’s orders.',
      parameters: z.object({ orderNumber: z.string() }),
      execute: async ({ orderNumber }) => {
        seen.push(orderNumber);
        return `order ${orderNumber} has shipped`;
      },
    });
    const live = await connect([lookupOrder]);
    const toolEnded = new Promise<string>((resolve) =>
      live.on('agent_tool_end', (_ctx, _agent, _tool, result) => resolve(result)),
    );
    const answered = transportEvent(
      live,
      (event) =>
        event.type === 'response.done' &&
        JSON.stringify(event.response).includes('Your order: order 10042 has shipped'),
    );

    live.sendMessage('Where is my order 10042?');

    expect(await toolEnded).toBe('order 10042 has shipped');
    await answered;
    expect(seen).toEqual(['10042']);
    expect(assistantText(live.history).join(' ')).toContain('Your order: order 10042 has shipped');
  });

  it('runs a barge-in: interrupt() cancels the reply and truncates it where playback stood, with no error', async () => {
    const live = await connect();
    const errors: unknown[] = [];
    live.on('transport_event', (event) => {
      if (event.type === 'error') errors.push(event);
    });
    const firstAudio = transportEvent(
      live,
      (event) => event.type === 'response.output_audio.delta',
    );
    const truncated = transportEvent(live, (event) => event.type === 'conversation.item.truncated');
    const cancelled = transportEvent(
      live,
      (event) =>
        event.type === 'response.done' &&
        (event.response as { status?: string }).status === 'cancelled',
    );

    live.sendMessage('Tell me a story.');
    const audio = await firstAudio;
    live.interrupt();

    const cut = await truncated;
    expect(cut.item_id).toBe(audio.item_id);
    expect(cut.audio_end_ms).toEqual(expect.any(Number));
    await cancelled;
    expect(errors).toEqual([]);
  });
});
