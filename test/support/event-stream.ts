/** A realtime server event as tests read it. */
export interface RealtimeEvent {
  type: string;
  event_id?: string;
  [field: string]: unknown;
}

/**
 * Collects the events arriving on one connection and lets a test wait for the next one that
 * matches, without sleeping for timing.
 */
export class EventStream {
  readonly events: RealtimeEvent[] = [];
  private readonly waiters: {
    test: (e: RealtimeEvent) => boolean;
    resolve: (e: RealtimeEvent) => void;
  }[] = [];
  private cursor = 0;

  push(event: RealtimeEvent): void {
    this.events.push(event);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(event)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  }

  /** Types seen so far, in order. */
  types(): string[] {
    return this.events.map((e) => e.type);
  }

  /**
   * The first event after the previous `next()` match that has `type` (and satisfies `where`),
   * waiting up to `timeoutMs` for it to arrive.
   */
  async next(
    type: string,
    where: (e: RealtimeEvent) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<RealtimeEvent> {
    const test = (e: RealtimeEvent) => e.type === type && where(e);
    const index = this.events.findIndex((e, i) => i >= this.cursor && test(e));
    if (index >= 0) {
      this.cursor = index + 1;
      return this.events[index];
    }
    const event = await new Promise<RealtimeEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(
          this.waiters.findIndex((w) => w.resolve === done),
          1,
        );
        reject(
          new Error(`Timed out waiting for ${type}; saw: ${this.types().slice(-15).join(', ')}`),
        );
      }, timeoutMs);
      const done = (e: RealtimeEvent) => {
        clearTimeout(timer);
        resolve(e);
      };
      this.waiters.push({ test, resolve: done });
    });
    this.cursor = this.events.indexOf(event) + 1;
    return event;
  }
}
