/**
 * Reads `GET /v1/sessions/{id}/events` with `fetch` (an `EventSource` cannot send the bearer
 * token) and keeps reading across network blips and replica restarts: each reconnect sends
 * `Last-Event-ID`, so nothing is missed or seen twice. It stops for good on the `ended` event, on
 * `204` (the session is over and nothing is left) or on a refusal (401/403/404).
 * Free of DOM types so Node's own `fetch` can run it too (the CLI's test call does).
 */

/** One event of the stream: `type` is its `event:` field, `data` its parsed JSON. */
export interface StreamedSessionEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export type SessionEventsEnd =
  | { readonly why: 'over' }
  | { readonly why: 'stopped' }
  | { readonly why: 'refused'; readonly status: number; readonly body: string }
  | { readonly why: 'unreachable'; readonly error: unknown };

export interface SessionEventsOptions {
  /** The stream's absolute URL. */
  readonly url: string;
  /** Asked before every (re)connect, so a refreshed token is used. */
  readonly getToken: () => string | Promise<string>;
  readonly onEvent: (event: StreamedSessionEvent) => void;
  /** Called once, when the stream will not be read again. */
  readonly onEnd: (end: SessionEventsEnd) => void;
  /** Waits between consecutive failed connects; after the last one the stream gives up. */
  readonly retryDelaysMs?: readonly number[];
  readonly fetch?: typeof fetch;
}

/** About a minute in all: long enough to ride out a replica restart or a short outage. */
const DEFAULT_RETRY_DELAYS_MS = [250, 1000, 2000, 4000, 8000, 15_000, 30_000];

export class SessionEvents {
  private readonly controller = new AbortController();
  private lastEventId?: string;
  private finished = false;
  private retryTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly options: SessionEventsOptions) {
    void this.run();
  }

  /** Stops reading (the page hung up); `onEnd` gets `stopped` unless the stream already ended. */
  stop(): void {
    clearTimeout(this.retryTimer);
    this.controller.abort();
    this.finish({ why: 'stopped' });
  }

  private async run(): Promise<void> {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    let failures = 0;
    while (!this.finished) {
      try {
        const outcome = await this.readOnce();
        if (outcome === 'done') return;
        // The server closed a healthy stream (a restart): resume at once, with no failure counted.
        failures = 0;
      } catch (error) {
        if (this.finished) return;
        if (failures >= delays.length) {
          this.finish({ why: 'unreachable', error });
          return;
        }
        await new Promise<void>((resolve) => {
          this.retryTimer = setTimeout(resolve, delays[failures]);
        });
        failures += 1;
      }
    }
  }

  /** One connection: `done` when the stream ended for good, `again` when it should resume. */
  private async readOnce(): Promise<'done' | 'again'> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.options.getToken()}`,
      accept: 'text/event-stream',
    };
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    const res = await (this.options.fetch ?? fetch)(this.options.url, {
      headers,
      signal: this.controller.signal,
    });
    if (res.status === 204) return this.finish({ why: 'over' });
    if (res.status >= 400 && res.status < 500)
      return this.finish({ why: 'refused', status: res.status, body: await res.text() });
    if (!res.ok || !res.body) throw new Error(`the events stream answered HTTP ${res.status}`);
    // A wrong baseUrl's HTML page, say: reading it again would only get the same page.
    if (!/^text\/event-stream\b/i.test(res.headers.get('content-type') ?? ''))
      return this.finish({ why: 'refused', status: res.status, body: await res.text() });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    /** A CR that ended a chunk: the LF of its CRLF may start the next one. */
    let carriedCr = '';
    let delivered = 0;
    for (;;) {
      const { value, done } = await reader.read();
      // A stream that closes with nothing in it counts as a failure (backed off from), so a
      // proxy that answers and hangs up cannot make the page reconnect in a tight loop.
      if (done) {
        if (delivered === 0) throw new Error('the events stream closed without an event');
        return 'again';
      }
      let text = carriedCr + decoder.decode(value, { stream: true });
      carriedCr = text.endsWith('\r') ? '\r' : '';
      if (carriedCr) text = text.slice(0, -1);
      buffer += text.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!event || this.finished) continue;
        delivered += 1;
        // As in EventSource: only an `id:` field changes the id a reconnect resumes after.
        if (event.id) this.lastEventId = event.id;
        this.options.onEvent(event);
        if (event.type === 'ended') {
          void reader.cancel().catch(() => undefined);
          return this.finish({ why: 'over' });
        }
      }
    }
  }

  private finish(end: SessionEventsEnd): 'done' {
    if (!this.finished) {
      this.finished = true;
      this.options.onEnd(end);
    }
    return 'done';
  }
}

/** One SSE block → an event, or undefined for comments (heartbeats) and unparseable data. */
export function parseBlock(block: string): StreamedSessionEvent | undefined {
  let id = '';
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(data.join('\n'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return { id, type, data: parsed as Record<string, unknown> };
  } catch {
    return undefined;
  }
}
