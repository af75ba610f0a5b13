import { OpenAIEndpoint } from '../../src/modules/realtime/openai-endpoint.js';
import { SessionsService } from '../../src/modules/sessions/sessions.service.js';
import type { TestApp } from './test-app.js';
import { userToken } from './tokens.js';
import { WeriftBrowser } from './werift-browser.js';

/** An app user talking to Switchboard's session API. */
export class SessionClient {
  private constructor(
    private readonly sut: TestApp,
    readonly token: string,
  ) {}

  static async as(
    sut: TestApp,
    sub: string,
    roles: string[] = ['customer'],
    tenant = 'acme',
  ): Promise<SessionClient> {
    return new SessionClient(sut, await userToken({ sub, tenant, roles }));
  }

  request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.sut.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
  }

  async open(body: Record<string, unknown> = {}): Promise<{ id: string; [k: string]: unknown }> {
    const res = await this.request('/v1/sessions', { method: 'POST', body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`open answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string };
  }

  sdp(id: string, offer: string): Promise<Response> {
    return this.request(`/v1/sessions/${id}/sdp`, {
      method: 'POST',
      headers: { 'content-type': 'application/sdp' },
      body: offer,
    });
  }
}

/** The built-in simulator the test app started (inspection must be on). */
export function simulatorOf(sut: TestApp): { url: string; apiKey: string } {
  const endpoint = sut.app.get(OpenAIEndpoint);
  return { url: endpoint.baseUrl.replace(/\/v1$/, ''), apiKey: endpoint.apiKey };
}

/** The caller "speaks" `text` into the call (the simulator's `/say`: VAD, transcript, reply). */
export async function speakInCall(sut: TestApp, callId: string, text: string): Promise<void> {
  const sim = simulatorOf(sut);
  const res = await fetch(`${sim.url}/__sim/calls/${callId}/say`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!res.ok) throw new Error(`say answered ${res.status}: ${await res.text()}`);
}

export async function inspectSimCall(
  sut: TestApp,
  callId: string,
): Promise<{
  state: string;
  ended_reason: string | null;
  sidebands: number;
  session: Record<string, unknown>;
  events: { direction: string; via: string; event: { type: string; [k: string]: unknown } }[];
}> {
  const sim = simulatorOf(sut);
  const res = await fetch(`${sim.url}/__sim/calls/${callId}`, {
    headers: { authorization: `Bearer ${sim.apiKey}` },
  });
  return (await res.json()) as never;
}

/** Polls `check` until it returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A user opens a proxy-mode session and a werift browser connects through it; resolves once the
 * server's sideband is attached (the simulator must have inspection on).
 */
export async function connectedBrowser(
  sut: TestApp,
  user: string,
  roles: string[] = ['customer'],
  agent?: string,
  tenant?: string,
): Promise<{ client: SessionClient; id: string; browser: WeriftBrowser; callId: string }> {
  const client = await SessionClient.as(sut, user, roles, tenant);
  const { id } = await client.open(agent ? { agent } : {});
  const browser = new WeriftBrowser();
  const res = await client.sdp(id, await browser.offer());
  await browser.accept(await res.text());
  await browser.stream.next('session.created');
  const callId = (await sut.app.get(SessionsService).getAny(id)).callId!;
  // Generous: on a loaded 2-core CI machine the server's sideband can take seconds to open.
  await eventually(async () => (await inspectSimCall(sut, callId)).sidebands === 1, 20_000);
  return { client, id, browser, callId };
}

/**
 * The page asks for one response after another until the session ends (a budget, say) or
 * `maxTurns` have run; resolves with why it ended. The meter may still be ending the session for
 * the previous response when the next is asked for: then no reply comes, and that is fine.
 */
export async function respondUntilEnded(
  sut: TestApp,
  id: string,
  browser: WeriftBrowser,
  maxTurns = 20,
): Promise<string | null> {
  const service = sut.app.get(SessionsService);
  for (let turn = 0; turn < maxTurns && (await service.getAny(id)).state === 'active'; turn++) {
    browser.send({ type: 'response.create' });
    await Promise.race([
      browser.stream.next('response.done'),
      eventually(async () => (await service.getAny(id)).state !== 'active'),
    ]);
    await eventually(
      async () =>
        (await service.getAny(id)).usage.responses === turn + 1 ||
        (await service.getAny(id)).state !== 'active',
    );
  }
  return eventually(async () => (await service.getAny(id)).endReason);
}

/** The page types a user turn on the data channel and asks for a response, as a page would. */
export function typeTurn(browser: WeriftBrowser, text: string): void {
  browser.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
  });
  browser.send({ type: 'response.create' });
}
