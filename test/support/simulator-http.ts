import type { Simulator } from '../../src/simulator/index.js';

/** POSTs an SDP offer the way Switchboard's server does: multipart with a standard key. */
export async function createCallMultipart(
  sim: Simulator,
  offer: string,
  session?: Record<string, unknown>,
  apiKey = sim.apiKey,
): Promise<Response> {
  const form = new FormData();
  form.set('sdp', new Blob([offer], { type: 'application/sdp' }));
  if (session)
    form.set('session', new Blob([JSON.stringify(session)], { type: 'application/json' }));
  return fetch(`${sim.url}/v1/realtime/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}` },
    body: form,
  });
}

export function callIdFrom(res: Response): string {
  const location = res.headers.get('location') ?? '';
  return location.split('/').pop() ?? '';
}

export async function simPost(
  sim: Simulator,
  path: string,
  body?: unknown,
  apiKey = sim.apiKey,
): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function inspectCall(
  sim: Simulator,
  callId: string,
): Promise<{
  state: string;
  audio: { packetsIn: number; packetsOut: number };
  events: { direction: string; via: string; event: { type: string } }[];
  ended_reason: string | null;
}> {
  const res = await fetch(`${sim.url}/__sim/calls/${callId}`, {
    headers: { authorization: `Bearer ${sim.apiKey}` },
  });
  return (await res.json()) as never;
}
