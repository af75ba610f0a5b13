import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { WhereClause } from '../../database/where-clause.js';
import type { SessionConfig } from '../voice/index.js';
import type { ResponseStart, SessionLimits, SessionRecord, SessionRow } from './session.record.js';
import { toSessionRecord } from './session.record.js';
import { spendSql } from './session-spend.sql.js';

/** What a new session is stored with; the rest takes the table's defaults. */
export interface NewSession {
  readonly id: string;
  readonly userId: string;
  readonly tenantId: string | null;
  readonly roles: readonly string[];
  readonly agent: string;
  readonly mode: 'proxy' | 'ephemeral';
  readonly responseStart: ResponseStart;
  readonly config: Record<string, unknown>;
  readonly limits: SessionLimits;
  readonly connectTimeoutSeconds: number;
}

/** One response's or transcription's charge, added to a session in one statement. */
export interface Charge {
  readonly costUsd: number;
  readonly responses: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly transcriptions: number;
  /**
   * Metered session time (GPT-Live): the API's cumulative seconds so far and their price. Only
   * seconds not charged before are added, so a replayed or repeated report charges nothing.
   */
  readonly sessionSeconds?: { readonly cumulative: number; readonly usdPerSecond: number };
  /** Charged at most once per session (a replayed event's): claimed in the same statement. */
  readonly onceKey?: string;
}

/** How many once-keys a session keeps: far more than a sideband replay repeats. */
const ONCE_KEYS_KEPT = 500;

/** `once_keys` with `$param` appended, the oldest dropped past `ONCE_KEYS_KEPT`. */
function appendOnceKey(param: string): string {
  return `(SELECT coalesce(jsonb_agg(k ORDER BY n), '[]'::jsonb) FROM (
      SELECT k, n FROM jsonb_array_elements(once_keys || to_jsonb(${param}::text))
        WITH ORDINALITY AS e(k, n) ORDER BY n DESC LIMIT ${ONCE_KEYS_KEPT}) kept)`;
}

/** A session's spend after a charge: its own, its user's today, its tenant's this month. */
export interface ChargedSpend {
  readonly sessionUsd: number;
  readonly userDayUsd: number;
  readonly tenantMonthUsd: number;
  readonly budgetWarned: boolean;
}

/** An active session's spend, read before a response starts. */
export interface ActiveSpend {
  readonly session: SessionRecord;
  readonly userDayUsd: number;
  readonly tenantMonthUsd: number;
}

/** The conditional claims that move a session towards connecting; each is one UPDATE. */
const CLAIMS = {
  /** Proxy mode: the one SDP exchange. */
  sdp: {
    mode: 'proxy',
    where: `state = 'created' AND call_id IS NULL`,
    set: `state = 'connecting'`,
  },
  /** Ephemeral mode: the one client secret (its expiry is `$3` seconds away). */
  clientSecret: {
    mode: 'ephemeral',
    where: `state = 'created' AND client_secret_expires_at IS NULL`,
    set: `client_secret_expires_at = now() + make_interval(secs => $3::int)`,
  },
  /** Ephemeral mode: binding the call `$3` the page reports (UNIQUE on call_id decides races). */
  bind: {
    mode: 'ephemeral',
    where: `state = 'created' AND call_id IS NULL AND client_secret_expires_at IS NOT NULL`,
    set: `state = 'connecting', call_id = $3`,
  },
} as const;

export type SessionClaim = keyof typeof CLAIMS;

/**
 * The only place the `sessions` table is read or written. Every state change is one conditional
 * statement, so concurrent requests and replicas get exactly one winner.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(session: NewSession, tx: EntityManager): Promise<SessionRecord> {
    const [row] = (await tx.query(
      `INSERT INTO sessions (id, user_id, tenant_id, roles, agent, mode, state, config, limits, connect_by, expires_at, response_start)
       VALUES ($1, $2, $3, $4, $5, $6, 'created', $7, $8,
               now() + make_interval(secs => $9), now() + make_interval(secs => $10), $11)
       RETURNING *`,
      [
        session.id,
        session.userId,
        session.tenantId,
        session.roles,
        session.agent,
        session.mode,
        JSON.stringify(session.config),
        JSON.stringify(session.limits),
        session.connectTimeoutSeconds,
        session.limits.maxDurationSeconds,
        session.responseStart,
      ],
    )) as SessionRow[];
    return toSessionRecord(row);
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    return this.one(`SELECT * FROM sessions WHERE id = $1`, [id]);
  }

  async findByCall(callId: string): Promise<SessionRecord | undefined> {
    return this.one(`SELECT * FROM sessions WHERE call_id = $1`, [callId]);
  }

  /** Sessions matching `where`, oldest first, at most `limit`. */
  async list(where: WhereClause, limit: number): Promise<SessionRecord[]> {
    const limitParam = where.next(limit);
    const rows = (await this.dataSource.query(
      `SELECT * FROM sessions ${where.toSql()} ORDER BY created_at, id LIMIT ${limitParam}`,
      where.params,
    )) as SessionRow[];
    return rows.map(toSessionRecord);
  }

  /** The cursor condition of `list`: sessions after the one with id `?`. */
  static readonly AFTER = '(created_at, id) > (SELECT created_at, id FROM sessions WHERE id = ?)';

  /** Ends a live session; undefined if it was not live (ending twice is harmless). */
  async end(
    id: string,
    outcome: 'ended' | 'revoked',
    reason: string,
    tx: EntityManager,
  ): Promise<SessionRecord | undefined> {
    const [rows] = (await tx.query(
      `UPDATE sessions SET state = $2, end_reason = $3, ended_at = now()
       WHERE id = $1 AND state IN ('created', 'connecting', 'active') RETURNING *`,
      [id, outcome, reason],
    )) as [SessionRow[], number];
    return rows[0] ? toSessionRecord(rows[0]) : undefined;
  }

  /** One step towards a connection, for a session still inside its connect window. */
  async claim(
    id: string,
    claim: SessionClaim,
    value?: unknown,
  ): Promise<SessionRecord | undefined> {
    const { mode, where, set } = CLAIMS[claim];
    const [rows] = (await this.dataSource.query(
      `UPDATE sessions SET ${set}
       WHERE id = $1 AND mode = $2 AND connect_by > now() AND ${where} RETURNING *`,
      value === undefined ? [id, mode] : [id, mode, value],
    )) as [SessionRow[], number];
    return rows[0] ? toSessionRecord(rows[0]) : undefined;
  }

  /** The SDP exchange failed: the session may try again. */
  async undoConnecting(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET state = 'created', call_id = NULL WHERE id = $1 AND state = 'connecting'`,
      [id],
    );
  }

  /** No client secret was minted after all: the session may ask again. */
  async undoClientSecret(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET client_secret_expires_at = NULL WHERE id = $1`,
      [id],
    );
  }

  /** The call is watched: the session is active, and its duration cap starts now. */
  async activate(id: string, callId: string): Promise<SessionRecord | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE sessions SET state = 'active', call_id = $2, connected_at = now(),
              expires_at = now() + make_interval(secs => (limits->>'maxDurationSeconds')::int)
       WHERE id = $1 AND state = 'connecting' RETURNING *`,
      [id, callId],
    )) as [SessionRow[], number];
    return rows[0] ? toSessionRecord(rows[0]) : undefined;
  }

  /** Sessions that did not connect in their window stop counting; returns their ids. */
  async expireUnconnected(tx: EntityManager): Promise<string[]> {
    const [rows] = (await tx.query(
      `UPDATE sessions SET state = 'ended', end_reason = 'connect_timeout', ended_at = now()
       WHERE state IN ('created', 'connecting') AND connect_by < now() RETURNING id`,
    )) as [{ id: string }[], number];
    return rows.map((row) => row.id);
  }

  /** Live sessions per user, tenant and in all, each with when the earliest of them frees up. */
  async liveCounts(who: { userId: string; tenantId: string | null }, tx: EntityManager) {
    const [counts] = (await tx.query(
      `SELECT
         count(*) FILTER (WHERE user_id = $1 AND tenant_id IS NOT DISTINCT FROM $2) AS user_count,
         min(CASE WHEN state = 'active' THEN expires_at ELSE connect_by END)
           FILTER (WHERE user_id = $1 AND tenant_id IS NOT DISTINCT FROM $2) AS user_free_at,
         count(*) FILTER (WHERE tenant_id = $2) AS tenant_count,
         min(CASE WHEN state = 'active' THEN expires_at ELSE connect_by END)
           FILTER (WHERE tenant_id = $2) AS tenant_free_at,
         count(*) AS total_count,
         min(CASE WHEN state = 'active' THEN expires_at ELSE connect_by END) AS total_free_at
       FROM sessions
       WHERE state IN ('created', 'connecting', 'active')`,
      [who.userId, who.tenantId],
    )) as {
      user_count: string;
      user_free_at: Date | null;
      tenant_count: string;
      tenant_free_at: Date | null;
      total_count: string;
      total_free_at: Date | null;
    }[];
    return {
      user: { count: Number(counts.user_count), freeAt: counts.user_free_at },
      tenant: { count: Number(counts.tenant_count), freeAt: counts.tenant_free_at },
      total: { count: Number(counts.total_count), freeAt: counts.total_free_at },
    };
  }

  /** What a user spent today and their tenant this month, and when each budget resets (s). */
  async spendOf(who: { userId: string; tenantId: string | null }, tx: EntityManager) {
    const [spend] = (await tx.query(
      `SELECT
         ${spendSql.userDay('$1', '$2')} AS user_day,
         ${spendSql.tenantMonth('$2')} AS tenant_month,
         extract(epoch FROM date_trunc('day', now()) + interval '1 day' - now()) AS day_left,
         extract(epoch FROM date_trunc('month', now()) + interval '1 month' - now()) AS month_left`,
      [who.userId, who.tenantId],
    )) as { user_day: string; tenant_month: string; day_left: string; month_left: string }[];
    return {
      userDayUsd: Number(spend.user_day),
      tenantMonthUsd: Number(spend.tenant_month),
      dayLeftSeconds: Number(spend.day_left),
      monthLeftSeconds: Number(spend.month_left),
    };
  }

  /** The active session of a call with its user's and tenant's spend, in one read. */
  async activeSpendByCall(callId: string): Promise<ActiveSpend | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT s.*, ${spendSql.userDay('s.user_id', 's.tenant_id')} AS user_day_usd,
         ${spendSql.tenantMonth('s.tenant_id')} AS tenant_month_usd
       FROM sessions s WHERE s.call_id = $1 AND s.state = 'active'`,
      [callId],
    )) as (SessionRow & { user_day_usd: string; tenant_month_usd: string })[];
    if (!row) return undefined;
    return {
      session: toSessionRecord(row),
      userDayUsd: Number(row.user_day_usd),
      tenantMonthUsd: Number(row.tenant_month_usd),
    };
  }

  /** Adds a charge to the session and returns every spend its budgets are checked against. */
  async addCharge(id: string, charge: Charge): Promise<ChargedSpend | undefined> {
    const [row] = (await this.dataSource.query(
      `WITH updated AS (
         UPDATE sessions SET cost_usd = cost_usd + $2
             + greatest($7::numeric - coalesce((usage->>'seconds')::numeric, 0), 0) * $8,
           usage = usage || jsonb_build_object(
             'responses', coalesce((usage->>'responses')::int, 0) + $3,
             'inputTokens', coalesce((usage->>'inputTokens')::bigint, 0) + $4,
             'outputTokens', coalesce((usage->>'outputTokens')::bigint, 0) + $5,
             'transcriptions', coalesce((usage->>'transcriptions')::int, 0) + $6)
             || CASE WHEN $7::numeric > 0 THEN jsonb_build_object('seconds',
                  greatest(coalesce((usage->>'seconds')::numeric, 0), $7::numeric))
                ELSE '{}'::jsonb END,
           once_keys = CASE WHEN $9::text IS NULL THEN once_keys ELSE ${appendOnceKey('$9')} END
         WHERE id = $1 AND ($9::text IS NULL OR NOT once_keys ? $9) RETURNING cost_usd, budget_warned, user_id, tenant_id, created_at,
           cost_usd - (SELECT cost_usd FROM sessions WHERE id = $1) AS added)
       -- The sums read the table as it was before this UPDATE: add the new charge where it counts.
       SELECT u.cost_usd AS session_cost, u.budget_warned,
         ${spendSql.userDay('u.user_id', 'u.tenant_id')}
           + CASE WHEN u.created_at >= date_trunc('day', now()) THEN u.added ELSE 0 END AS user_day,
         ${spendSql.tenantMonth('u.tenant_id')}
           + CASE WHEN u.created_at >= date_trunc('month', now()) THEN u.added ELSE 0 END AS tenant_month
       FROM updated u`,
      [
        id,
        charge.costUsd,
        charge.responses,
        charge.inputTokens,
        charge.outputTokens,
        charge.transcriptions,
        charge.sessionSeconds?.cumulative ?? 0,
        charge.sessionSeconds?.usdPerSecond ?? 0,
        charge.onceKey ?? null,
      ],
    )) as {
      session_cost: string;
      user_day: string;
      tenant_month: string;
      budget_warned: boolean;
    }[];
    if (!row) return undefined;
    return {
      sessionUsd: Number(row.session_cost),
      userDayUsd: Number(row.user_day),
      tenantMonthUsd: Number(row.tenant_month),
      budgetWarned: row.budget_warned,
    };
  }

  /**
   * Claims `key` for the session: true the first time, false ever after (or for no such
   * session). One statement, so two replicas racing on a replayed event get one winner.
   */
  async claimOnce(id: string, key: string): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE sessions SET once_keys = ${appendOnceKey('$2')}
       WHERE id = $1 AND NOT once_keys ? $2 RETURNING id`,
      [id, key],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async markBudgetWarned(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET budget_warned = true WHERE id = $1`, [id]);
  }

  /**
   * Once per session: drops the named tools from its stored config (so the tamper guard defends
   * the reduced set). Returns the new config, or undefined if they were withdrawn already.
   */
  async withdrawCostlyTools(
    id: string,
    tools: readonly string[],
  ): Promise<SessionConfig | undefined> {
    // A Realtime config holds its tools at `tools`; a GPT-Live one in its Responses delegation,
    // or with its client handler.
    const [rows] = (await this.dataSource.query(
      `WITH target AS (
         SELECT id, CASE WHEN config->>'type' = 'realtime' THEN '{tools}'::text[]
                         WHEN config->'delegation'->>'type' = 'client' THEN '{handler,tools}'::text[]
                         ELSE '{delegation,responses,tools}'::text[] END AS path
         FROM sessions WHERE id = $1)
       UPDATE sessions s SET costly_tools_disabled = true,
         config = jsonb_set(s.config, target.path, coalesce(
           (SELECT jsonb_agg(t) FROM jsonb_array_elements(s.config #> target.path) t
            WHERE NOT coalesce(t->>'name' = ANY($2::text[]), false)), '[]'::jsonb))
       FROM target WHERE s.id = target.id AND NOT s.costly_tools_disabled RETURNING s.config`,
      [id, tools],
    )) as [{ config: SessionConfig }[], number];
    return rows[0]?.config;
  }

  /** Appends one turn's latency and own time, keeping the last `kept` of each. */
  async recordTurn(id: string, latencyMs: number, ownMs: number, kept: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET
         turn_latencies_ms = (array_append(turn_latencies_ms, $2))[greatest(1, cardinality(turn_latencies_ms) + 2 - $4):],
         turn_own_ms = (array_append(turn_own_ms, $3))[greatest(1, cardinality(turn_own_ms) + 2 - $4):]
       WHERE id = $1`,
      [id, latencyMs, ownMs, kept],
    );
  }

  private async one(sql: string, params: unknown[]): Promise<SessionRecord | undefined> {
    const [row] = (await this.dataSource.query(sql, params)) as SessionRow[];
    return row ? toSessionRecord(row) : undefined;
  }
}
