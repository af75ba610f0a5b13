import type { SessionView } from '../switchboard-api.js';

/**
 * Just enough of a browser for the client's unit tests: a peer connection and data channel the
 * test drives by hand, a microphone, and a `fetch` that routes to handlers the test sets. The
 * real thing is exercised in Chromium by the e2e tests; these pin the state machine down.
 */

export class FakeTrack {
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  readonly kind = 'audio';
  stop(): void {
    this.readyState = 'ended';
  }
}

export class FakeStream {
  readonly tracks = [new FakeTrack()];
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
  getAudioTracks(): FakeTrack[] {
    return this.tracks;
  }
}

export class FakeChannel {
  readyState: 'connecting' | 'open' | 'closed' = 'connecting';
  readonly sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly label: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(): void {
    this.readyState = 'closed';
  }
  /** The far end opened the channel. */
  open(): void {
    this.readyState = 'open';
    this.onopen?.();
  }
  /** The far end sent an event. */
  receive(event: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(event) });
  }
  /** The far end closed it. */
  closeRemotely(): void {
    this.readyState = 'closed';
    this.onclose?.();
  }
  types(): string[] {
    return this.sent.map((event) => String(event.type));
  }
}

export class FakePeerConnection {
  static readonly made: FakePeerConnection[] = [];
  connectionState = 'new';
  iceGatheringState = 'complete';
  localDescription?: { type: string; sdp: string };
  remoteDescription?: { type: string; sdp: string };
  channel?: FakeChannel;
  readonly tracks: FakeTrack[] = [];
  ontrack: ((event: { streams: unknown[]; track: unknown }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;

  constructor() {
    FakePeerConnection.made.push(this);
  }
  addTrack(track: FakeTrack): void {
    this.tracks.push(track);
  }
  createDataChannel(label: string): FakeChannel {
    return (this.channel = new FakeChannel(label));
  }
  async createOffer(): Promise<{ type: string; sdp: string }> {
    return { type: 'offer', sdp: 'v=0 offer' };
  }
  async setLocalDescription(description: { type: string; sdp: string }): Promise<void> {
    this.localDescription = description;
  }
  async setRemoteDescription(description: { type: string; sdp: string }): Promise<void> {
    this.remoteDescription = description;
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  close(): void {
    this.connectionState = 'closed';
  }
  /** ICE moved on. */
  become(state: string): void {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

type Handler = (request: FakeRequest) => Response | Promise<Response>;

/** A `fetch` answering from `routes` (`'POST /v1/sessions'` → handler), recording each request. */
export class FakeServer {
  readonly requests: FakeRequest[] = [];
  readonly routes = new Map<string, Handler>();

  readonly fetch = async (input: unknown, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const request: FakeRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body === undefined ? undefined : String(init.body),
    };
    this.requests.push(request);
    const handler = this.routes.get(`${request.method} ${request.path}`);
    if (!handler)
      return json(404, { code: 'NOT_FOUND', detail: `no route ${request.method} ${request.path}` });
    const signal = init.signal;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return handler(request);
  };

  on(route: string, handler: Handler): this {
    this.routes.set(route, handler);
    return this;
  }

  sent(route: string): FakeRequest[] {
    return this.requests.filter((request) => `${request.method} ${request.path}` === route);
  }
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  });
}

/** An SSE response the test writes events into, and can end. */
export class FakeEventStream {
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  readonly response: Response;

  constructor() {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => void (this.controller = controller),
    });
    this.response = new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    });
  }

  push(id: number, type: string, data: Record<string, unknown>): void {
    this.controller?.enqueue(
      new TextEncoder().encode(
        `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`,
      ),
    );
  }

  end(): void {
    this.controller?.close();
  }
}

/** Puts the fakes where the client looks for them; returns the function that takes them away. */
export function installFakeBrowser(
  server: FakeServer,
  microphone: () => Promise<FakeStream>,
): () => void {
  const globals = globalThis as Record<string, unknown>;
  const saved = ['fetch', 'RTCPeerConnection', 'navigator', 'document'].map(
    (name) => [name, Object.getOwnPropertyDescriptor(globals, name)] as const,
  );
  const define = (name: string, value: unknown) =>
    Object.defineProperty(globals, name, { value, configurable: true, writable: true });
  define('fetch', server.fetch);
  define('RTCPeerConnection', FakePeerConnection);
  define('navigator', { mediaDevices: { getUserMedia: microphone } });
  define('document', { createElement: () => new FakeAudio() });
  FakePeerConnection.made.length = 0;
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globals, name, descriptor);
      else delete globals[name];
    }
  };
}

export class FakeAudio {
  autoplay = false;
  srcObject: unknown = null;
  removed = false;
  play(): Promise<void> {
    return Promise.resolve();
  }
  remove(): void {
    this.removed = true;
  }
}

/** A session as `POST /v1/sessions` answers it: a proxy-mode Realtime session, adjusted. */
export function sessionView(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: 'ses_1',
    agent: 'default',
    api: 'realtime',
    mode: 'proxy',
    state: 'created',
    endReason: null,
    expiresAt: '2026-12-04T21:00:00.000Z',
    typedText: { supported: true, pageStartsResponse: true },
    connect: { sdpUrl: '/v1/sessions/ses_1/sdp' },
    ...overrides,
  };
}

/** Waits, a macrotask at a time, until `check` gives a value (the event that proves it). */
export async function until<T>(check: () => T | undefined | false, ticks = 500): Promise<T> {
  for (let i = 0; i < ticks; i++) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error('never happened');
}
