import type { AddressInfo } from 'node:net';

import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { WebSocketServer, type WebSocket } from 'ws';

import type { OpenAIEndpoint } from './openai-endpoint.js';
import { RealtimeEventBus } from './realtime-event-bus.js';
import { SidebandConnections } from './sideband-connections.js';

/** A stand-in for OpenAI's sideband endpoint on a loopback port: records what arrives. */
async function fakeUpstream(): Promise<{
  baseUrl: string;
  received: string[];
  nextMessage: () => Promise<string>;
  broadcast: (text: string) => void;
  close: () => Promise<void>;
}> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const received: string[] = [];
  let waiter: ((text: string) => void) | undefined;
  wss.on('connection', (ws: WebSocket) =>
    ws.on('message', (data) => {
      received.push(data.toString());
      waiter?.(data.toString());
    }),
  );
  const { port } = wss.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    nextMessage: () => new Promise((resolve) => (waiter = resolve)),
    broadcast: (text) => wss.clients.forEach((client) => client.send(text)),
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

describe(SidebandConnections.name, () => {
  let upstream: Awaited<ReturnType<typeof fakeUpstream>>;
  let sut: SidebandConnections;
  let bus: RealtimeEventBus;

  beforeEach(async () => {
    upstream = await fakeUpstream();
    const endpoint: OpenAIEndpoint = {
      baseUrl: upstream.baseUrl,
      apiKey: 'sk-test',
      simulated: true,
    };
    bus = new RealtimeEventBus();
    sut = new SidebandConnections(endpoint, bus);
  });
  afterEach(async () => {
    sut.onApplicationShutdown();
    await upstream.close();
    jest.restoreAllMocks();
  });

  it('returns false for a call it has no open sideband for', () => {
    expect(sut.send('rtc_unknown', { type: 'response.create' })).toBe(false);
  });

  it('returns false and logs, without throwing, for an event it cannot send; the socket stays usable', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await sut.open('rtc_1');

    expect(sut.send('rtc_1', { type: 'conversation.item.create', size: 1n })).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ callId: 'rtc_1', type: 'conversation.item.create' }),
      'Sideband send failed',
    );

    const arrived = upstream.nextMessage();
    expect(sut.send('rtc_1', { type: 'response.create' })).toBe(true);
    expect(JSON.parse(await arrived)).toEqual({ type: 'response.create' });
    expect(upstream.received).toHaveLength(1);
  });

  it('puts each server event on the bus, also under server:<type>; no wire type can pose as a sideband event', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await sut.open('rtc_2');
    const all: string[] = [];
    const posed: unknown[] = [];
    bus.on('sideband.event', ({ event }) => all.push(event.type));
    bus.on('sideband.closed', (payload) => posed.push(payload));
    const done = new Promise<unknown>((resolve) =>
      bus.on('server:response.done', ({ callId, event }) =>
        resolve({ callId, id: event.response.id }),
      ),
    );

    upstream.broadcast(JSON.stringify({ type: 'sideband.closed', callId: 'rtc_other' }));
    upstream.broadcast('5');
    upstream.broadcast(JSON.stringify({ type: 'response.done', response: { id: 'resp_1' } }));

    expect(await done).toEqual({ callId: 'rtc_2', id: 'resp_1' });
    expect(all).toEqual(['sideband.closed', 'response.done']);
    expect(posed).toEqual([]);
  });
});
