import { SessionsService } from '../../src/modules/sessions/sessions.service.js';
import { eventually, SessionClient, simulatorOf } from './session-client.js';
import type { TestApp } from './test-app.js';
import { WeriftBrowser } from './werift-browser.js';

/** A Live session as the simulator's inspection shows it. */
export interface InspectedLiveSession {
  state: string;
  closed_reason: string | null;
  sidebands: number;
  session: Record<string, unknown>;
  delegations: {
    id: string;
    status: string;
    calls: { name: string; hosted: boolean; call_id?: string; output: string | null }[];
  }[];
  spoken: { text: string }[];
  appended: unknown[];
  events: { direction: string; via: string; event: { type: string; [k: string]: unknown } }[];
}

export async function inspectLiveSession(
  sut: TestApp,
  sessionId: string,
): Promise<InspectedLiveSession> {
  const sim = simulatorOf(sut);
  const res = await fetch(`${sim.url}/__sim/live/sessions/${sessionId}`, {
    headers: { authorization: `Bearer ${sim.apiKey}` },
  });
  if (!res.ok) throw new Error(`live inspection answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as InspectedLiveSession;
}

/** The caller says `text` in a Live session (the simulator's `/say`: transcript, delegation). */
export async function sayInLiveSession(sut: TestApp, sessionId: string, text: string) {
  const sim = simulatorOf(sut);
  const res = await fetch(`${sim.url}/__sim/live/sessions/${sessionId}/say`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!res.ok) throw new Error(`say answered ${res.status}: ${await res.text()}`);
}

/** Waits until Switchboard's session has ended (any replica, any reason); resolves with it. */
export function sessionEnded(sut: TestApp, id: string, timeoutMs?: number) {
  return eventually(async () => {
    const session = await sut.app.get(SessionsService).getAny(id);
    return session.state === 'ended' ? session : undefined;
  }, timeoutMs);
}

/** Waits until the simulator's Live session has ended; resolves with its inspection. */
export function liveSessionEnded(sut: TestApp, sessionId: string): Promise<InspectedLiveSession> {
  return eventually(async () => {
    const inspected = await inspectLiveSession(sut, sessionId);
    return inspected.state === 'ended' ? inspected : undefined;
  });
}

/** Drops the server's sideband to the session (1006): Switchboard must reconnect. */
export async function dropLiveSideband(sut: TestApp, sessionId: string): Promise<number> {
  const sim = simulatorOf(sut);
  const res = await fetch(`${sim.url}/__sim/live/sessions/${sessionId}/drop-sideband`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.apiKey}` },
  });
  return ((await res.json()) as { dropped: number }).dropped;
}

/** Waits until the Live voice has said something containing `text`; returns all it said. */
export async function liveVoiceSaid(sut: TestApp, sessionId: string, text: string) {
  return eventually(async () => {
    const spoken = (await inspectLiveSession(sut, sessionId)).spoken.map((s) => s.text);
    return spoken.some((s) => s.includes(text)) ? spoken : undefined;
  }, 20_000);
}

/**
 * An app user opens a session of a GPT-Live agent and connects a werift "browser" through
 * Switchboard's SDP proxy; resolves once the page saw `session.started` and the server's
 * sideband is attached.
 */
export async function connectedLiveBrowser(
  sut: TestApp,
  user: string,
  agent: string,
  roles: string[] = ['customer'],
): Promise<{ client: SessionClient; id: string; browser: WeriftBrowser; callId: string }> {
  const client = await SessionClient.as(sut, user, roles);
  const { id } = await client.open({ agent });
  const browser = new WeriftBrowser();
  const res = await client.sdp(id, await browser.offer());
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`sdp answered ${res.status}: ${await res.text()}`);
  await browser.accept(await res.text());
  await browser.stream.next('session.started');
  const callId = (await sut.app.get(SessionsService).getAny(id)).callId!;
  await eventually(async () => (await inspectLiveSession(sut, callId)).sidebands === 1, 20_000);
  return { client, id, browser, callId };
}

/** The audit entries about one subject (a session, an action), oldest first. */
export function auditOf(sut: TestApp, subject: string) {
  return sut.query<{ action: string; data: Record<string, unknown> }>(
    `SELECT action, data FROM audit_log WHERE subject = $1 ORDER BY seq`,
    [subject],
  );
}

/** Client events Switchboard sent a Live session over its sideband, of one type. */
export async function sentOnSideband(sut: TestApp, sessionId: string, type: string) {
  return (await inspectLiveSession(sut, sessionId)).events.filter(
    (e) => e.direction === 'in' && e.via === 'sideband' && e.event.type === type,
  );
}
