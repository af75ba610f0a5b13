import { join } from 'node:path';

import { AGENT_PROFILES } from '../../src/config/agent-profiles.js';
import { ApiKeysService } from '../../src/modules/identity/api-keys.service.js';
import { KNOWLEDGE_ENV } from './knowledge.js';
import { profilesFileEnv } from './profiles-file.js';
import { eventually, inspectSimCall } from './session-client.js';
import type { TestApp } from './test-app.js';
import { JWT_ENV } from './tokens.js';
import type { WeriftBrowser } from './werift-browser.js';

/** What the simulator received on the server's sideband for a call, in order. */
export async function sidebandSent(sut: TestApp, callId: string) {
  return (await inspectSimCall(sut, callId)).events
    .filter((e) => e.direction === 'in' && e.via === 'sideband')
    .map((e) => e.event);
}

/** The text of a system message item Switchboard created, or undefined. */
export function systemText(event: { type: string; [k: string]: unknown }): string | undefined {
  if (event.type !== 'conversation.item.create') return undefined;
  const item = event.item as { role?: string; content?: { text?: string }[] };
  return item.role === 'system' ? item.content?.map((c) => c.text ?? '').join('') : undefined;
}

/** The knowledge blocks (and their item ids) Switchboard put into the call, in order. */
export async function injectedBlocks(sut: TestApp, callId: string) {
  return (await sidebandSent(sut, callId)).flatMap((event) => {
    const text = systemText(event);
    const id = (event.item as { id?: string } | undefined)?.id;
    return text?.includes('<knowledge id="kn_') ? [{ id: id!, text }] : [];
  });
}

/** An operator admin key, for the admin session detail. */
export async function adminKey(sut: TestApp): Promise<string> {
  return (await sut.app.get(ApiKeysService).create('ops', ['admin'], 'system')).key;
}

export async function sessionDetail(sut: TestApp, id: string, key: string) {
  const res = await fetch(`${sut.url}/v1/admin/sessions/${id}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (res.status !== 200) throw new Error(`detail answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as {
    grounding: {
      turns: {
        turn: number;
        turnId: string;
        given: {
          kind: string;
          mode: string | null;
          query: string;
          itemId: string | null;
          digest: string;
          documents: { documentId: string; version: number; title: string; chunkIds: string[] }[];
          withdrawn: {
            at: string;
            versions: { documentId: string; version: number; reason: string }[];
          } | null;
        }[];
      }[];
    };
    timeline: { action: string; data: Record<string, unknown> }[];
  };
}

/**
 * The page types a caller turn on its data channel. With server-started responses the page does
 * not ask for a response (Switchboard does, after grounding it).
 */
export function typeQuestion(browser: WeriftBrowser, text: string): void {
  browser.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
  });
}

/** The Realtime default agent's model settings, for profiles that add grounding to them. */
export function realtimeAgent(extra: Record<string, unknown>): Record<string, unknown> {
  const { model, voice, instructions, turnDetection } = AGENT_PROFILES.default;
  return { model, voice, instructions, turnDetection, ...extra };
}

/** Env for an app with these agent profiles, knowledge, inspection and the grounding scenario. */
export function groundingEnv(profiles: Record<string, unknown>): Record<string, string> {
  return {
    ...JWT_ENV,
    ...KNOWLEDGE_ENV,
    ...profilesFileEnv(profiles),
    SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
    SWITCHBOARD_SIMULATOR_SCENARIO: join(process.cwd(), 'test/fixtures/grounding-scenario.json'),
  };
}

/**
 * The session's `grounding.withdrawn` audit entries, once there are `count` of them: a call is
 * told of a withdrawal first and the withdrawal recorded just after.
 */
export async function recordedWithdrawals(sut: TestApp, sessionId: string, count = 1) {
  return eventually(async () => {
    const rows = await sut.query<{ action: string; data: Record<string, unknown> }>(
      `SELECT action, data FROM audit_log WHERE subject = $1 AND action = 'grounding.withdrawn'
       ORDER BY seq`,
      [sessionId],
    );
    return rows.length >= count && rows;
  });
}
