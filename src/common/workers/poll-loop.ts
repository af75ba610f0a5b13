/**
 * Runs a worker's `pass` on an interval and on demand, never two at once: a `kick` during a pass
 * runs one more pass right after it, so work that arrives mid-pass is not left for the next tick.
 * A pass that throws is reported and the loop carries on. Used by the approval and ingestion workers.
 */
export class PollLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether `stop` was called; a long pass checks it between steps. */
  get isStopped(): boolean {
    return this.stopped;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  /** No pass starts after this; resolves when the current one has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.onError(error);
    }
  }
}
