import type { ResponseStreamEvent } from 'openai/resources/responses/responses';

import { startSimulator } from '../../src/simulator/index.js';
import {
  heardSaying,
  liveSimulatorSuite,
  openPrimary,
  sayToLive,
} from '../support/live-sim-clients.js';
import { type RealtimeEvent } from '../support/event-stream.js';
import { WeriftBrowser } from '../support/werift-browser.js';

const nested = (e: RealtimeEvent) => e.event as ResponseStreamEvent;

/** Delegation at its edges: answers mid-stream, late acknowledgements, hosted shapes, expiry. */
describe('simulator: GPT-Live delegation edges', () => {
  const suite = liveSimulatorSuite({
    scenario: {
      delegationAcknowledgement: 'Let me look.',
      noToolReply: 'I cannot do that here.',
      rules: [
        {
          when: { regex: 'order\\s*(\\d+)', flags: 'i' },
          callTools: [{ name: 'lookup_order', arguments: { orderNumber: '{{match.1}}' } }],
          afterTools: 'Order {{match.1}}: {{output.lookup_order}}',
        },
        {
          when: { contains: 'customer' },
          callTools: [
            { name: 'mcp', arguments: { name: 'find_customer', query: 'Ada' } },
            { name: 'image_generation', arguments: { query: 'a badge for Ada' } },
          ],
          afterTools: 'Found {{output.mcp}}',
        },
        {
          when: { contains: 'run' },
          callTools: [{ name: 'shell', arguments: { command: 'ls' } }],
          afterTools: 'Ran it.',
        },
      ],
    },
  });

  const backend = (tools: Record<string, unknown>[]) => ({
    type: 'responses' as const,
    responses: { model: 'gpt-5.5', tools },
  });
  const lookupOrder = {
    type: 'function',
    name: 'lookup_order',
    parameters: { type: 'object', properties: { orderNumber: { type: 'string' } } },
  };

  const say = (sessionId: string, text: string) => sayToLive(suite.sim, sessionId, text);

  const primary = (session: Record<string, unknown>) => suite.primary(session);

  it('continues a call answered while its response still streams, and never speaks the acknowledgement of a finished task', async () => {
    // 20 s nominal = 400 ms here: far longer than the answer takes.
    const { socket, id } = await primary({
      delegation: { ...backend([lookupOrder]), acknowledgement_delay_ms: 20_000 },
    });
    await say(id, 'where is order 1');
    const call = await socket.events.next(
      'response.event',
      (e) => nested(e).type === 'response.output_item.done',
    );
    const callId = (nested(call) as { item: { call_id: string } }).item.call_id;
    // Answered before `response.completed` of the proposing response.
    expect(socket.events.types()).not.toContain('error');
    socket.send({
      type: 'response.item.create',
      item: { type: 'function_call_output', call_id: callId, output: 'shipped' },
    });
    socket.send({ type: 'response.create', event_id: 'evt_early' });
    const resumed = await socket.events.next(
      'response.event',
      (e) => nested(e).type === 'response.created' && e.client_event_id === 'evt_early',
    );
    expect(nested(resumed)).toMatchObject({ response: { status: 'in_progress' } });
    await heardSaying(socket.events, 'Order 1: shipped');
    // A second task with the same delay, left unanswered: its acknowledgement comes after the
    // first task's would have, so by then the first one has certainly not been said.
    await say(id, 'and order 2');
    await heardSaying(socket.events, 'Let me look.');
    const spoken = suite.sim.liveSessions.find(id)!.voice.spoken.map((s) => s.text);
    expect(spoken.filter((text) => text === 'Let me look.')).toHaveLength(1);
    expect(spoken.indexOf('Let me look.')).toBeGreaterThan(spoken.indexOf('Order 1: shipped'));
    expect(socket.events.types()).not.toContain('error');
  });

  it('streams MCP and image generation calls with the fields their Responses types require', async () => {
    const { socket, id } = await primary({
      delegation: backend([{ type: 'mcp', server_label: 'crm' }, { type: 'image_generation' }]),
    });
    await say(id, 'find the customer');
    const done = async (type: string) =>
      (
        (
          await socket.events.next(
            'response.event',
            (e) =>
              nested(e).type === 'response.output_item.done' &&
              (nested(e) as { item: { type: string } }).item.type === type,
          )
        ).event as { item: Record<string, unknown> }
      ).item;
    expect(await done('mcp_call')).toEqual({
      id: expect.stringMatching(/^mcp_/),
      type: 'mcp_call',
      status: 'completed',
      name: 'find_customer',
      server_label: 'crm',
      arguments: '{"name":"find_customer","query":"Ada"}',
      output: '(simulated mcp result for "Ada")',
      error: null,
    });
    const image = await done('image_generation_call');
    expect(image).toMatchObject({ type: 'image_generation_call', status: 'completed' });
    expect(
      Buffer.from(image.result as string, 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await heardSaying(socket.events, 'Found (simulated mcp result for "Ada")');
  });

  it('does not pretend to run a tool the application executes (shell): the voice declines', async () => {
    const { socket, id } = await primary({ delegation: backend([{ type: 'shell' }]) });
    await say(id, 'run the report');
    await heardSaying(socket.events, 'I cannot do that here.');
    expect(socket.events.types()).not.toContain('session.delegation.created');
    expect(suite.sim.liveSessions.find(id)!.delegations.all.size).toBe(0);
  });

  it('refuses response.* in a decisions session, naming its delegation type', async () => {
    const { socket } = await primary({
      delegation: {
        type: 'decisions',
        decisions: {
          model: 'gpt-5.5',
          questions: [{ type: 'predicate', instructions: 'Is the caller angry?' }],
        },
      },
    });
    socket.send({ type: 'response.create', event_id: 'evt_decide' });
    const error = (await socket.events.next('error')).error as Record<string, unknown>;
    expect(error).toMatchObject({ param: 'type', client_event_id: 'evt_decide' });
    expect(error.message).toMatch(/delegation type is 'decisions'/);
    expect(error.message).not.toMatch(/client delegation/);
  });

  it('a page allowed only the spoken text of response.event sees no function call', async () => {
    const browser = new WeriftBrowser();
    suite.later(() => browser.close());
    const created = await suite.client.live.create({
      session: {
        model: 'gpt-live-1',
        delegation: backend([lookupOrder]) as never,
        client: {
          data_channel: {
            allowed_server_events: [
              { type: 'session.started' },
              { type: 'response.event', response_event: 'response.output_text.delta' },
            ],
          },
        },
      },
      transport: { type: 'webrtc', sdp: await browser.offer() },
    });
    const { sideband, events } = await suite.attach(created.session.id);
    await browser.accept(created.transport.sdp);
    await browser.stream.next('session.started');
    await say(created.session.id, 'where is order 3');
    const call = await events.next(
      'response.event',
      (e) => nested(e).type === 'response.output_item.done',
    );
    sideband.send({
      type: 'response.item.create',
      item: {
        type: 'function_call_output',
        call_id: (nested(call) as { item: { call_id: string } }).item.call_id,
        output: 'delivered',
      },
    });
    sideband.send({ type: 'response.create' });
    const delta = await browser.stream.next('response.event');
    expect(nested(delta).type).toBe('response.output_text.delta');
    await heardSaying(events, 'Order 3: delivered');
    const pageEvents = browser.stream.events;
    expect(new Set(pageEvents.map((e) => e.type))).toEqual(
      new Set(['session.started', 'response.event']),
    );
    expect(new Set(pageEvents.filter((e) => e.event).map((e) => nested(e).type))).toEqual(
      new Set(['response.output_text.delta']),
    );
    // The sideband saw the whole stream, function call included.
    expect(events.events.some((e) => e.type === 'session.output_transcript.delta')).toBe(true);
  });
});

describe('simulator: GPT-Live expiry during delegated work', () => {
  it('ends a session whose delegation waits: closed as expired, nothing more streamed or said', async () => {
    const sim = await startSimulator({
      inspection: true,
      timeScale: 0.02,
      maxCallDurationMs: 1500,
      scenario: {
        rules: [
          {
            when: { contains: 'order' },
            callTools: [{ name: 'lookup_order', arguments: {} }],
            afterTools: 'Done: {{output.lookup_order}}',
          },
        ],
      },
    });
    try {
      const socket = await openPrimary(sim);
      socket.send({
        type: 'session.start',
        session: {
          model: 'gpt-live-1',
          delegation: {
            type: 'responses',
            responses: { model: 'gpt-5.5', tools: [{ type: 'function', name: 'lookup_order' }] },
          },
        },
      });
      const started = await socket.events.next('session.started');
      const id = (started.session as { id: string }).id;
      await sayToLive(sim, id, 'my order');
      await socket.events.next('response.event', (e) => nested(e).type === 'response.completed');
      const closed = await socket.events.next('session.closed');
      expect(closed.reason).toBe('expired');
      await socket.closed;
      const session = sim.liveSessions.find(id)!;
      expect([...session.delegations.all.values()].map((d) => d.status)).toEqual(['waiting']);
      expect(session.voice.spoken.map((s) => s.text)).not.toContain('Done: ');
      const afterClose = socket.events.events.slice(
        socket.events.events.findIndex((e) => e.type === 'session.closed') + 1,
      );
      expect(afterClose).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
