import { EventEmitter } from 'node:events';

import { Injectable, Logger } from '@nestjs/common';

/** A Realtime server event as it arrives on a sideband. */
export interface RealtimeServerEvent {
  readonly type: string;
  readonly event_id?: string;
  readonly [field: string]: unknown;
}

/** Everything the realtime module tells the rest of the app, by name. */
export interface RealtimeEvents {
  /** Any server event of a call Switchboard controls. */
  'sideband.event': { readonly callId: string; readonly event: RealtimeServerEvent };
  'sideband.connected': { readonly callId: string; readonly reconnect: boolean };
  /** This replica let go of the call's sideband (session ended, lease lost, shutdown). */
  'sideband.closed': { readonly callId: string };
  /** Reconnecting failed for good, or OpenAI no longer knows the call. */
  'sideband.lost': { readonly callId: string; readonly reason: string };
}

type Handler<K extends keyof RealtimeEvents> = (payload: RealtimeEvents[K]) => void;

/** A typed in-process bus: modules subscribe by event name, payloads are checked at compile time. */
@Injectable()
export class RealtimeEventBus {
  private readonly emitter = new EventEmitter();
  private readonly logger = new Logger(RealtimeEventBus.name);

  emit<K extends keyof RealtimeEvents>(name: K, payload: RealtimeEvents[K]): void {
    this.emitter.emit(name, payload);
  }

  /**
   * Subscribes; returns the unsubscribe function. A handler that throws or rejects is logged, never
   * allowed to break the socket that delivered the event or to crash the process.
   */
  on<K extends keyof RealtimeEvents>(
    name: K,
    handler: (payload: RealtimeEvents[K]) => unknown,
  ): () => void {
    const safe: Handler<K> = (payload) => {
      try {
        void Promise.resolve(handler(payload)).catch((error: unknown) => this.report(name, error));
      } catch (error) {
        this.report(name, error);
      }
    };
    this.emitter.on(name, safe);
    return () => this.emitter.off(name, safe);
  }

  private report(name: string, error: unknown): void {
    this.logger.error(
      { event: name, err: (error as Error)?.message },
      'A realtime event handler failed',
    );
  }
}
