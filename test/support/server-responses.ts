import type { RealtimeEvent } from './event-stream.js';
import { profilesFileEnv } from './profiles-file.js';
import type { TestApp } from './test-app.js';

/** Env for an app whose default agent has the server start every response. */
export const serverStartsEnv = (): Record<string, string> =>
  profilesFileEnv({ default: { responseStart: 'server' } });

/** The shape of a response tag Switchboard puts in `metadata.switchboard`. */
export const RESPONSE_TAG = /^[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}$/;

export const metadataOf = (e: RealtimeEvent) =>
  (e.response as { metadata?: Record<string, string> | null }).metadata ?? null;
export const statusOf = (e: RealtimeEvent) => (e.response as { status: string }).status;
export const responseIdOf = (e: RealtimeEvent) => (e.response as { id: string }).id;

/** The `kind` of every tamper entry audited for a session, oldest first. */
export const tamperKinds = async (sut: TestApp, sessionId: string) =>
  (
    await sut.query<{ data: { kind: string } }>(
      `SELECT data FROM audit_log WHERE subject = $1 AND action = 'session.tamper_detected' ORDER BY seq`,
      [sessionId],
    )
  ).map((row) => row.data.kind);
