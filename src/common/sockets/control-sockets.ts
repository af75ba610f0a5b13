import type { LoggerService } from '@nestjs/common';
import WebSocket from 'ws';

const BACKOFF_START_MS = 200;
const BACKOFF_MAX_MS = 5000;
const MAX_RECONNECTS = 8;

/** What one voice API's control channel needs: where to connect, and whom to tell what. */
export interface ControlSocketHooks {
  /** What the channel is called in logs ("Sideband"). */
  readonly label: string;
  /** The WebSocket URL of the call's control channel. */
  url(callId: string): string;
  /** The permanent key's headers. */
  headers(): Record<string, string>;
  /** The error an upgrade refused with 404 becomes (the API does not know the call). */
  unknownCall(callId: string): Error;
  /** One parsed server event (an object with a string `type`). */
  event(callId: string, event: { type: string }): void;
  connected(callId: string, reconnect: boolean): void;
  /** This replica let go of the call's channel. */
  closed(callId: string): void;
  /** Reconnecting failed for good, or the API no longer knows the call. */
  lost(callId: string, reason: string): void;
}

/**
 * The server-side control WebSockets of every call this replica controls, for one voice API (the
 * Realtime sideband, the GPT-Live attach): events parsed and handed on, a dropped socket reopened
 * with exponential backoff until the call ends or the API stops knowing it.
 */
export class ControlSockets {
  private readonly sockets = new Map<string, WebSocket>();
  private readonly wanted = new Set<string>();
  /** Errors meaning "the API does not know the call": reconnecting stops at once. */
  private readonly unknownCalls = new WeakSet<Error>();

  constructor(
    private readonly hooks: ControlSocketHooks,
    private readonly logger: LoggerService,
  ) {}

  /** Opens the channel for `callId`; resolves once connected (rejects if the call is unknown). */
  async open(callId: string): Promise<void> {
    this.wanted.add(callId);
    try {
      await this.connect(callId, 0);
    } catch (error) {
      this.wanted.delete(callId);
      throw error;
    }
  }

  /** Whether this replica is keeping the call's channel (open or reconnecting). */
  isWanted(callId: string): boolean {
    return this.wanted.has(callId);
  }

  /** Every call whose channel this replica keeps (open or reconnecting). */
  wantedCalls(): string[] {
    return [...this.wanted];
  }

  isOpen(callId: string): boolean {
    return this.sockets.get(callId)?.readyState === WebSocket.OPEN;
  }

  /**
   * Sends a client event on the call's channel; false if it is not connected right now or the
   * event could not be sent (logged). Never throws: callers are event handlers.
   */
  send(callId: string, event: Record<string, unknown>): boolean {
    const socket = this.sockets.get(callId);
    if (socket?.readyState !== WebSocket.OPEN) return false;
    const failed = (error: Error) =>
      this.logger.warn(
        { callId, type: event.type, err: error.message },
        `${this.hooks.label} send failed`,
      );
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
    if (known) this.hooks.closed(callId);
  }

  closeAll(): void {
    for (const callId of [...this.wanted]) this.close(callId);
  }

  private connect(callId: string, attempt: number): Promise<void> {
    this.sockets.get(callId)?.terminate();
    this.sockets.delete(callId);
    const socket = new WebSocket(this.hooks.url(callId), { headers: this.hooks.headers() });
    return new Promise<void>((resolve, reject) => {
      socket.once('unexpected-response', (_req, res) => {
        socket.terminate();
        if (res.statusCode !== 404)
          return reject(
            new Error(`${this.hooks.label} upgrade refused with HTTP ${res.statusCode}`),
          );
        const unknown = this.hooks.unknownCall(callId);
        this.unknownCalls.add(unknown);
        reject(unknown);
      });
      socket.on('error', reject); // after open, a no-op: 'close' follows and drives reconnection
      socket.once('open', () => {
        // Closed while connecting: the call is no longer ours to watch.
        if (!this.wanted.has(callId)) {
          socket.close(1000, 'session ended');
          reject(new Error(`${this.hooks.label} for ${callId} was closed while connecting`));
          return;
        }
        this.sockets.set(callId, socket);
        this.hooks.connected(callId, attempt > 0);
        resolve();
      });
      socket.on('message', (data) => this.dispatch(callId, data.toString()));
      socket.on('close', () => this.onClose(callId, socket));
    });
  }

  private dispatch(callId: string, text: string): void {
    let event: { type?: unknown } | null;
    try {
      event = JSON.parse(text) as { type?: unknown } | null;
    } catch {
      this.logger.warn({ callId }, `Ignoring a ${this.hooks.label} message that is not JSON`);
      return;
    }
    if (typeof event?.type !== 'string') {
      this.logger.warn({ callId }, `Ignoring a ${this.hooks.label} message without a type`);
      return;
    }
    this.hooks.event(callId, event as { type: string });
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
        this.logger.log({ callId, attempt }, `${this.hooks.label} reconnected`);
        return;
      } catch (error) {
        if (this.unknownCalls.has(error as Error)) break;
        this.logger.warn(
          { callId, attempt, err: (error as Error).message },
          `${this.hooks.label} reconnect failed`,
        );
      }
    }
    this.wanted.delete(callId);
    this.hooks.lost(callId, 'reconnect_failed');
  }
}
