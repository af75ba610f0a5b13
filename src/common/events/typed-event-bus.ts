import { EventEmitter } from 'node:events';

import { Logger } from '@nestjs/common';

/**
 * An in-process bus over a typed map of event name → payload: subscribers and emitters are checked
 * at compile time. Listeners run synchronously, in subscription order, at `emit`; one that throws
 * or rejects is logged, never allowed to break the emitter or crash the process.
 */
export class TypedEventBus<Events extends object> {
  private readonly emitter = new EventEmitter();
  private readonly logger: Logger;

  constructor(
    name: string,
    private readonly failureMessage = 'An event handler failed',
  ) {
    this.logger = new Logger(name);
    this.emitter.setMaxListeners(0);
  }

  emit<K extends keyof Events & string>(name: K, payload: Events[K]): void {
    this.emitter.emit(channel(name), payload);
  }

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof Events & string>(
    name: K,
    handler: (payload: Events[K]) => unknown,
  ): () => void {
    const safe = (payload: Events[K]) => {
      try {
        void Promise.resolve(handler(payload)).catch((error: unknown) => this.report(name, error));
      } catch (error) {
        this.report(name, error);
      }
    };
    this.emitter.on(channel(name), safe);
    return () => this.emitter.off(channel(name), safe);
  }

  private report(name: string, error: unknown): void {
    this.logger.error({ event: name, err: (error as Error)?.message }, this.failureMessage);
  }
}

/** Node's emitter throws on an unheard `error` event; no event name may be special to it. */
function channel(name: string): string {
  return `event:${name}`;
}
