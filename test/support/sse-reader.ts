import { eventually } from './session-client.js';

export interface SseEvent {
  event?: string;
  id?: string;
  data: Record<string, unknown>;
}

/** Reads a `text/event-stream` response body into events, as a browser's EventSource would. */
export class SseReader {
  readonly events: SseEvent[] = [];
  /** The server ended the stream. */
  ended = false;
  private buffer = '';

  private constructor(
    private readonly res: Response,
    private readonly controller: AbortController,
  ) {
    if (res.body) void this.pump(res.body.getReader());
  }

  static async open(
    url: string,
    credential: string,
    headers: Record<string, string> = {},
  ): Promise<SseReader> {
    const controller = new AbortController();
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${credential}`, accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    return new SseReader(res, controller);
  }

  get status(): number {
    return this.res.status;
  }

  get contentType(): string {
    return this.res.headers.get('content-type') ?? '';
  }

  /** The response as text, for a stream the server refused (its problem document). */
  text(): Promise<string> {
    return this.res.text();
  }

  /** The first event of this type whose data has `actionId` (an approvals stream). */
  next(event: string, actionId: string): Promise<SseEvent> {
    return this.first((e) => e.event === event && e.data.actionId === actionId);
  }

  /** Waits for the first event that matches. */
  first(test: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent> {
    return eventually(async () => this.events.find(test), timeoutMs);
  }

  close(): void {
    this.controller.abort();
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          this.ended = true;
          return;
        }
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          this.parse(block);
        }
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(block: string): void {
    const fields: { event?: string; id?: string; data: string[] } = { data: [] };
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') fields.event = value;
      else if (name === 'id') fields.id = value;
      else if (name === 'data') fields.data.push(value);
    }
    if (fields.data.length === 0) return;
    this.events.push({
      event: fields.event,
      id: fields.id,
      data: JSON.parse(fields.data.join('\n')) as Record<string, unknown>,
    });
  }
}
