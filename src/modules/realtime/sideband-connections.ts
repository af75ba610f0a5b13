import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import WebSocket from 'ws';

import { CallNotFoundUpstreamError } from '../voice/index.js';
import { OpenAIEndpoint } from './openai-endpoint.js';
import {
  RealtimeEventBus,
  type RealtimeEvents,
  type RealtimeServerEvent,
} from './realtime-event-bus.js';

const BACKOFF_START_MS = 200;
const BACKOFF_MAX_MS = 5000;
const MAX_RECONNECTS = 8;

/**
 * The server-side "sideband" WebSocket of every call Switchboard controls
 * (`/v1/realtime?call_id=…`, standard key). Server events go to the event bus; a dropped socket is
 * reopened with exponential backoff until the call ends or OpenAI stops knowing it.
 */
@Injectable()
export class SidebandConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(SidebandConnections.name);
  private readonly sockets = new Map<string, WebSocket>();
  private readonly wanted = new Set<string>();

  constructor(
    private readonly endpoint: OpenAIEndpoint,
    private readonly bus: RealtimeEventBus,
  ) {}

  /** Opens the sideband for `callId`; resolves once connected (rejects if the call is unknown). */
  async open(callId: string): Promise<void> {
    this.wanted.add(callId);
    try {
      await this.connect(callId, 0);
    } catch (error) {
      this.wanted.delete(callId);
      throw error;
    }
  }

  /** Whether this replica is keeping the call's sideband (open or reconnecting). */
  isWanted(callId: string): boolean {
    return this.wanted.has(callId);
  }

  isOpen(callId: string): boolean {
    return this.sockets.get(callId)?.readyState === WebSocket.OPEN;
  }

  /**
   * Sends a client event on the call's sideband; false if it is not connected right now or the
   * event could not be sent (logged). Never throws: callers are event handlers.
   */
  send(callId: string, event: Record<string, unknown>): boolean {
    const socket = this.sockets.get(callId);
    if (socket?.readyState !== WebSocket.OPEN) return false;
    const failed = (error: Error) =>
      this.logger.warn({ callId, type: event.type, err: error.message }, 'Sideband send failed');
    try {
      // The callback reports a write that fails later, once the socket has taken the frame.
      socket.send(JSON.stringify(event), (error) => {
        if (error) failed(error);
      });
      return true;
    } catch (error) {
      failed(error as Error);
      return false;
    }
  }

  close(callId: string): void {
    const known = this.wanted.delete(callId);
    this.sockets.get(callId)?.close(1000, 'session ended');
    this.sockets.delete(callId);
    if (known) this.bus.emit('sideband.closed', { callId });
  }

  onApplicationShutdown(): void {
    for (const callId of [...this.wanted]) this.close(callId);
  }

  private connect(callId: string, attempt: number): Promise<void> {
    this.sockets.get(callId)?.terminate();
    this.sockets.delete(callId);
    const url = `${this.endpoint.baseUrl.replace(/^http/, 'ws')}/realtime?call_id=${encodeURIComponent(callId)}`;
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${this.endpoint.apiKey}` },
    });
    return new Promise<void>((resolve, reject) => {
      socket.once('unexpected-response', (_req, res) => {
        socket.terminate();
        reject(
          res.statusCode === 404
            ? new CallNotFoundUpstreamError(`OpenAI does not know call ${callId}`)
            : new Error(`sideband upgrade refused with HTTP ${res.statusCode}`),
        );
      });
      socket.on('error', reject); // after open, a no-op: 'close' follows and drives reconnection
      socket.once('open', () => {
        // Closed while connecting: the call is no longer ours to watch.
        if (!this.wanted.has(callId)) {
          socket.close(1000, 'session ended');
          reject(new Error(`sideband for ${callId} was closed while connecting`));
          return;
        }
        this.sockets.set(callId, socket);
        this.bus.emit('sideband.connected', { callId, reconnect: attempt > 0 });
        resolve();
      });
      socket.on('message', (data) => this.dispatch(callId, data.toString()));
      socket.on('close', () => this.onClose(callId, socket));
    });
  }

  private dispatch(callId: string, text: string): void {
    let event: RealtimeServerEvent;
    try {
      event = JSON.parse(text) as RealtimeServerEvent;
    } catch {
      this.logger.warn({ callId }, 'Ignoring a sideband message that is not JSON');
      return;
    }
    if (typeof event?.type !== 'string') {
      this.logger.warn({ callId }, 'Ignoring a sideband message without a type');
      return;
    }
    this.bus.emit('sideband.event', { callId, event });
    const byType = `server:${event.type}` as const;
    this.bus.emit(byType, { callId, event } as RealtimeEvents[typeof byType]);
  }

  private onClose(callId: string, socket: WebSocket): void {
    if (this.sockets.get(callId) !== socket) return;
    this.sockets.delete(callId);
    if (this.wanted.has(callId)) void this.reconnect(callId);
  }

  private async reconnect(callId: string): Promise<void> {
    for (let attempt = 1; attempt <= MAX_RECONNECTS && this.wanted.has(callId); attempt++) {
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (!this.wanted.has(callId)) return;
      try {
        await this.connect(callId, attempt);
        this.logger.log({ callId, attempt }, 'Sideband reconnected');
        return;
      } catch (error) {
        if (error instanceof CallNotFoundUpstreamError) break;
        this.logger.warn(
          { callId, attempt, err: (error as Error).message },
          'Sideband reconnect failed',
        );
      }
    }
    this.wanted.delete(callId);
    this.bus.emit('sideband.lost', { callId, reason: 'reconnect_failed' });
  }
}
