import WebSocket from 'ws';

import { EventStream, type RealtimeEvent } from './event-stream.js';

/** A WebSocket to `/v1/realtime` (plain session or sideband) that records every server event. */
export class RealtimeSocket {
  readonly stream = new EventStream();
  closed?: { code: number; reason: string };

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.stream.push(JSON.parse(data.toString()) as RealtimeEvent));
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(baseUrl: string, query: string, apiKey: string): Promise<RealtimeSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/realtime?${query}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const socket = new RealtimeSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  /** Tries to connect and returns the HTTP status and JSON body of a refused upgrade. */
  static async refusal(
    baseUrl: string,
    query: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/realtime?${query}`, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => reject(new Error('the upgrade was accepted')));
      ws.once('unexpected-response', (_req, res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }),
        );
      });
      ws.once('error', () => undefined);
    });
  }

  send(event: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(event));
  }

  async closeAndWait(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
