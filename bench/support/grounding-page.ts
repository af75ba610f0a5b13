import type { INestApplication } from '@nestjs/common';

import { OpenAIEndpoint } from '../../src/modules/realtime/openai-endpoint.js';
import { SessionsService } from '../../src/modules/sessions/sessions.service.js';
import type { RealtimeEvent } from '../../test/support/event-stream.js';
import { eventually } from '../../test/support/session-client.js';
import { userToken } from '../../test/support/tokens.js';
import { WeriftBrowser } from '../../test/support/werift-browser.js';
import type { LiveAgent, RealtimeAgent } from './grounding-agents.js';

/** A werift page whose data-channel events are timed as they arrive (`performance.now()`). */
export interface Page {
  readonly browser: WeriftBrowser;
  readonly at: WeakMap<RealtimeEvent, number>;
  /** The first event of `type` from index `from` of the page's events, waiting for it. */
  first(type: string, from: number, timeoutMs?: number): Promise<RealtimeEvent>;
}

/** A timed page in a call: `callId` is the simulator's id of the call (or Live session). */
export type Call = Page & { readonly callId: string };

function timedPage(): Page {
  const browser = new WeriftBrowser();
  const at = new WeakMap<RealtimeEvent, number>();
  const listeners = new Set<(event: RealtimeEvent) => void>();
  const push = browser.stream.push.bind(browser.stream);
  browser.stream.push = (event) => {
    at.set(event, performance.now());
    push(event);
    for (const listener of [...listeners]) listener(event);
  };
  return {
    browser,
    at,
    first(type, from, timeoutMs = 10_000) {
      const seen = browser.stream.events.slice(from).find((e) => e.type === type);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          const recent = browser.stream.types().slice(-15).join(', ');
          reject(new Error(`timed out waiting for ${type}; saw: ${recent}`));
        }, timeoutMs);
        const listener = (event: RealtimeEvent) => {
          if (event.type !== type) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(event);
        };
        listeners.add(listener);
      });
    },
  };
}

/**
 * A customer of acme opens a session of `agent` and a timed page connects; resolves once the page
 * saw `started` and Switchboard's sideband is attached (`inspection`: the simulator's path for it).
 */
async function openSession(
  app: INestApplication,
  agent: string,
  started: string,
  inspection: string,
): Promise<Call> {
  const base = await baseUrl(app);
  const token = await userToken({
    sub: `bench-${agent}-${Date.now()}`,
    tenant: 'acme',
    roles: ['customer'],
  });
  const post = (path: string, type: string, body: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
  const opened = await post('/v1/sessions', 'application/json', JSON.stringify({ agent }));
  if (opened.status !== 201)
    throw new Error(`open ${agent}: ${opened.status} ${await opened.text()}`);
  const { id } = (await opened.json()) as { id: string };
  const page = timedPage();
  const answer = await post(
    `/v1/sessions/${id}/sdp`,
    'application/sdp',
    await page.browser.offer(),
  );
  if (!answer.ok) throw new Error(`sdp ${agent}: ${answer.status} ${await answer.text()}`);
  await page.browser.accept(await answer.text());
  await page.browser.stream.next(started, () => true, 20_000);
  const callId = (await app.get(SessionsService).getAny(id)).callId!;
  const sidebands = async () =>
    Number(((await simulator(app, `${inspection}/${callId}`)) as { sidebands: number }).sidebands);
  await eventually(async () => (await sidebands()) === 1, 20_000);
  return { ...page, callId };
}

/** A page in a Realtime call of `agent`, its sideband attached. */
export function connectRealtime(app: INestApplication, agent: RealtimeAgent): Promise<Call> {
  return openSession(app, agent, 'session.created', '/__sim/calls');
}

/** A page in a GPT-Live session of `agent`, its sideband attached. */
export function connectLive(app: INestApplication, agent: LiveAgent): Promise<Call> {
  return openSession(app, agent, 'session.started', '/__sim/live/sessions');
}

/**
 * A request to the in-process simulator's own API (`/__sim/…`) with Switchboard's key for it: a
 * GET without `body`, else a JSON POST. Resolves with the parsed answer, if any.
 */
export async function simulator(
  app: INestApplication,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const { baseUrl: apiUrl, apiKey } = app.get(OpenAIEndpoint);
  const request: RequestInit =
    body === undefined ? { method: 'GET' } : { method: 'POST', body: JSON.stringify(body) };
  const res = await fetch(`${apiUrl.replace(/\/v1$/, '')}${path}`, {
    ...request,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** The listening app's base URL, on IPv4. */
export async function baseUrl(app: INestApplication): Promise<string> {
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}
