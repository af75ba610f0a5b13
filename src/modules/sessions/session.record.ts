import { type SessionConfig, type VoiceApi, voiceApiOf } from '../voice/index.js';

/** Session states: `created` → `connecting` → `active` → `ended` | `revoked`. */
export type SessionState = 'created' | 'connecting' | 'active' | 'ended' | 'revoked';
export const LIVE_STATES: readonly SessionState[] = ['created', 'connecting', 'active'];

/**
 * Who starts the model's responses: OpenAI's turn detection (and the page, which can send
 * `response.create` itself), or only Switchboard, which cancels any response it did not start.
 */
export type ResponseStart = 'vad' | 'server';

export interface SessionLimits {
  readonly maxDurationSeconds: number;
  readonly warningSeconds: number;
  /** Silence (no caller or voice speech) that ends the session; 0 or absent: no idle limit. */
  readonly idleSeconds?: number;
  readonly maxPerUser: number;
  readonly maxPerTenant: number;
  readonly maxTotal: number;
}

/** A row of `sessions`, as the rest of the code sees it. */
export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly tenantId: string | null;
  readonly roles: string[];
  readonly agent: string;
  /** The voice API the session runs on (its agent profile chose; read from its config). */
  readonly api: VoiceApi;
  readonly mode: 'proxy' | 'ephemeral';
  readonly responseStart: ResponseStart;
  readonly state: SessionState;
  readonly endReason: string | null;
  readonly callId: string | null;
  readonly config: SessionConfig;
  readonly limits: SessionLimits;
  readonly createdAt: Date;
  readonly connectBy: Date;
  readonly expiresAt: Date;
  readonly connectedAt: Date | null;
  readonly endedAt: Date | null;
  readonly clientSecretExpiresAt: Date | null;
  readonly costUsd: number;
  readonly usage: Record<string, number>;
  /** End of speech → first response output, recent turns, in ms. */
  readonly turnLatenciesMs: number[];
  /** Of each of those turns, the ms Switchboard itself spent (tool pipeline, injection). */
  readonly turnOwnMs: number[];
  /** Set near the budget: tools marked `costly` are refused and no longer offered. */
  readonly costlyToolsDisabled: boolean;
}

export interface SessionRow {
  id: string;
  user_id: string;
  tenant_id: string | null;
  roles: string[];
  agent: string;
  mode: 'proxy' | 'ephemeral';
  response_start: ResponseStart;
  state: SessionState;
  end_reason: string | null;
  call_id: string | null;
  config: SessionConfig;
  limits: SessionLimits;
  created_at: Date;
  connect_by: Date;
  expires_at: Date;
  connected_at: Date | null;
  ended_at: Date | null;
  client_secret_expires_at: Date | null;
  cost_usd: string;
  usage: Record<string, number>;
  turn_latencies_ms: number[];
  turn_own_ms: number[];
  costly_tools_disabled: boolean;
}

export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    tenantId: row.tenant_id,
    roles: row.roles,
    agent: row.agent,
    api: voiceApiOf(row.config),
    mode: row.mode,
    responseStart: row.response_start,
    state: row.state,
    endReason: row.end_reason,
    callId: row.call_id,
    config: row.config,
    limits: row.limits,
    createdAt: row.created_at,
    connectBy: row.connect_by,
    expiresAt: row.expires_at,
    connectedAt: row.connected_at,
    endedAt: row.ended_at,
    clientSecretExpiresAt: row.client_secret_expires_at,
    costUsd: Number(row.cost_usd),
    usage: row.usage,
    turnLatenciesMs: row.turn_latencies_ms,
    turnOwnMs: row.turn_own_ms,
    costlyToolsDisabled: row.costly_tools_disabled,
  };
}

/** What an app user sees of their session. */
export function publicView(session: SessionRecord) {
  const base = `/v1/sessions/${session.id}`;
  return {
    id: session.id,
    agent: session.agent,
    api: session.api,
    mode: session.mode,
    state: session.state,
    endReason: session.endReason,
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    connectBy: session.connectBy.toISOString(),
    typedText: typedTextOf(session),
    connect:
      session.mode === 'proxy'
        ? { sdpUrl: `${base}/sdp` }
        : { clientSecretUrl: `${base}/client-secret`, callUrl: `${base}/call` },
  };
}

/**
 * How the page adds a typed turn: Realtime takes a user `conversation.item.create` on the data
 * channel, and the page starts the response unless Switchboard does (`responseStart: server`,
 * where a page's `response.create` is tampering). GPT-Live takes speech only.
 */
function typedTextOf(session: SessionRecord): { supported: boolean; pageStartsResponse: boolean } {
  const supported = session.api === 'realtime';
  return { supported, pageStartsResponse: supported && session.responseStart === 'vad' };
}
