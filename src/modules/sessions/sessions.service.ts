import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { newId } from '../../common/ids.js';
import { DEFAULT_MAX_OUTPUT_TOKENS, type AgentProfile } from '../../config/agent-profiles.js';
import { AppConfig } from '../../config/app-config.js';
import { liveEventCeilingUsd } from '../../config/live-prices.js';
import { DatabaseNotifications } from '../../database/database-notifications.js';
import { WhereClause } from '../../database/where-clause.js';
import { type AuditActor, AuditLog } from '../audit/index.js';
import {
  isLiveConfig,
  liveCostShape,
  offeredFunctionTools,
  type SessionConfig,
  VoiceCalls,
  voiceApiOf,
} from '../voice/index.js';
import { ToolAccessPolicy, ToolMessages, ToolRegistry } from '../tools/index.js';
import { latencySummary } from './latency-stats.js';
import { admitSession } from './session-admission.js';
import { buildSessionConfig } from './session-config.builder.js';
import type { SessionLimits, SessionRecord } from './session.record.js';
import {
  ModeNotSupportedError,
  SessionNotFoundError,
  UnknownAgentError,
} from './sessions.errors.js';
import { SessionDetailSections } from './session-detail-sections.js';
import { SessionsRepository } from './sessions.repository.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';
import { nextResponseCeilingUsd } from './usage-cost.js';

/** Filters of the admin list; they only narrow what the caller may see. */
export interface SessionListQuery {
  readonly state?: string;
  readonly userId?: string;
  readonly tenantId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly after?: string;
  readonly limit: number;
}

/** Opening, reading and ending sessions; connecting them is `SessionConnector`'s job. */
@Injectable()
export class SessionsService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly voice: VoiceCalls,
    private readonly tools: ToolAccessPolicy,
    private readonly registry: ToolRegistry,
    private readonly notifications: DatabaseNotifications,
    private readonly repository: SessionsRepository,
    private readonly leases: SidebandLeasesRepository,
    private readonly sections: SessionDetailSections,
  ) {}

  /** Boot check, once every tool is registered: profiles name only tools that exist. */
  onApplicationBootstrap(): void {
    for (const profile of Object.values(this.config.sessions.agentProfiles))
      for (const name of profile.tools ?? [])
        if (!this.registry.has(name))
          throw new Error(ToolMessages.unknownAgentTool(profile.name, name));
  }

  /** Checks limits atomically and stores a session with the config the server built. */
  async open(
    principal: Principal,
    agentName = 'default',
    mode: 'proxy' | 'ephemeral' = 'proxy',
  ): Promise<SessionRecord> {
    const profiles = this.config.sessions.agentProfiles;
    const profile = Object.hasOwn(profiles, agentName) ? profiles[agentName] : undefined;
    if (!profile) throw new UnknownAgentError(agentName, Object.keys(profiles));
    if (profile.api === 'live' && mode === 'ephemeral') throw new ModeNotSupportedError(agentName);
    const limits = sessionLimits(profile, this.config.sessions);
    const sessionConfig = buildSessionConfig(
      profile,
      this.tools.definitionsFor(principal.roles, profile.tools),
    );
    return this.dataSource.transaction(async (tx) => {
      const expired = await admitSession(
        tx,
        this.repository,
        { userId: principal.id, tenantId: principal.tenantId },
        limits,
        { ...this.config.cost, firstResponseUsd: this.firstResponseUsd(profile, sessionConfig) },
      );
      for (const stale of expired) {
        await this.audit.append(
          {
            actor: 'system',
            action: 'session.ended',
            subject: stale,
            data: { reason: 'connect_timeout' },
          },
          tx,
        );
      }
      const session = await this.repository.insert(
        {
          id: newId('ses'),
          userId: principal.id,
          tenantId: principal.tenantId,
          roles: principal.roles,
          agent: profile.name,
          mode,
          responseStart: profile.responseStart ?? 'vad',
          config: sessionConfig,
          limits,
          connectTimeoutSeconds: this.config.sessions.connectTimeoutSeconds,
        },
        tx,
      );
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: 'session.opened',
          subject: session.id,
          data: {
            agent: profile.name,
            api: voiceApiOf(sessionConfig),
            mode,
            responseStart: profile.responseStart ?? 'vad',
            tenantId: principal.tenantId,
            tools: toolNames(sessionConfig),
            limits,
          },
        },
        tx,
      );
      return session;
    });
  }

  /** The most a session of this profile can spend on its first response (its output cap). */
  private firstResponseUsd(profile: AgentProfile, config: SessionConfig): number {
    // GPT-Live: a full first backend response and the time until the first usage report.
    if (isLiveConfig(config))
      return liveEventCeilingUsd(this.config.cost, liveCostShape(config), 0);
    const { prices } = this.config.cost;
    return nextResponseCeilingUsd(
      undefined,
      prices[profile.model] ?? prices['gpt-realtime'],
      profile.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
    );
  }

  /** The caller's own session; anyone else's id is "not found" (ids cannot be probed). */
  async getOwned(principal: Principal, id: string): Promise<SessionRecord> {
    const session = await this.find(id);
    const visible = session && visibilityScope(principal).allows(session.tenantId);
    if (!visible || session.userId !== principal.id) throw new SessionNotFoundError(id);
    return session;
  }

  /** Any session the caller's scope covers (admin views); others are "not found". */
  async getVisible(principal: Principal, id: string): Promise<SessionRecord> {
    const session = await this.find(id);
    if (!session || !visibilityScope(principal).allows(session.tenantId))
      throw new SessionNotFoundError(id);
    return session;
  }

  async getAny(id: string): Promise<SessionRecord> {
    const session = await this.find(id);
    if (!session) throw new SessionNotFoundError(id);
    return session;
  }

  find(id: string): Promise<SessionRecord | undefined> {
    return this.repository.find(id);
  }

  findByCall(callId: string): Promise<SessionRecord | undefined> {
    return this.repository.findByCall(callId);
  }

  async list(
    principal: Principal,
    query: SessionListQuery,
  ): Promise<{ items: SessionRecord[]; nextCursor: string | null }> {
    const where = new WhereClause();
    const visible = visibilityScope(principal).condition('tenant_id');
    if (visible) where.add(...visible);
    where
      .add('state = ?', query.state)
      .add('user_id = ?', query.userId)
      .add('tenant_id = ?', query.tenantId)
      .add('created_at >= ?', query.from)
      .add('created_at < ?', query.to)
      .add(SessionsRepository.AFTER, query.after);
    const rows = await this.repository.list(where, query.limit + 1);
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items.at(-1)!.id : null };
  }

  /** The session's owner ends it. */
  async endOwn(principal: Principal, id: string): Promise<SessionRecord> {
    await this.getOwned(principal, id);
    return this.end(id, 'ended', 'user_ended', actorOf(principal));
  }

  /** An operator revokes a session in their scope: hung up, later tool calls refused. */
  async revoke(principal: Principal, id: string, reason: string): Promise<SessionRecord> {
    await this.getVisible(principal, id);
    return this.end(id, 'revoked', reason, actorOf(principal));
  }

  /**
   * The admin view of one session: as stored, its latency summary, what other modules add (the
   * knowledge it was given, per turn) and its audit timeline.
   */
  async detail(principal: Principal, id: string) {
    const session = await this.getVisible(principal, id);
    const { items } = await this.audit.list({ subject: id, limit: 1000 });
    return {
      ...session,
      ...(await this.sections.of(session)),
      latency: {
        ...latencySummary(session.turnLatenciesMs),
        switchboard: latencySummary(session.turnOwnMs),
      },
      timeline: items,
    };
  }

  /**
   * Ends a live session (one SQL statement decides; ending twice is harmless), hangs up its call
   * and closes its sideband. Later tool calls from it are refused because its state is final.
   */
  async end(
    id: string,
    outcome: 'ended' | 'revoked',
    reason: string,
    actor: AuditActor,
  ): Promise<SessionRecord> {
    // The state change, the lease and the audit entry commit together; the hang-up follows.
    const ended = await this.dataSource.transaction(async (tx) => {
      const session = await this.repository.end(id, outcome, reason, tx);
      if (!session) return undefined;
      await this.leases.releaseSession(id, tx);
      // Delivered on commit to every replica; the one owning the sideband lets go at once.
      await this.notifications.notify(SESSION_ENDED, endNotice(session), tx);
      await this.audit.append(
        {
          actor,
          action: outcome === 'revoked' ? 'session.revoked' : 'session.ended',
          subject: id,
          data: { reason, callId: session.callId },
        },
        tx,
      );
      return session;
    });
    if (!ended) return this.getAny(id);
    if (ended.callId) await this.voice.hangup(ended.callId);
    return ended;
  }
}

function toolNames(config: SessionConfig): string[] {
  return offeredFunctionTools(config).map((tool) => tool.name);
}

/** The notice every replica hears when a session ends (`SessionEndNotifier`). */
export const SESSION_ENDED = 'session_ended' as const;

function endNotice(session: Pick<SessionRecord, 'id' | 'callId'>) {
  return { sessionId: session.id, callId: session.callId };
}

/** The profile's limits over the global ones: a profile can only tighten them, never loosen. */
function sessionLimits(profile: AgentProfile, global: AppConfig['sessions']): SessionLimits {
  const tighter = (profileValue: number | undefined, globalValue: number) =>
    Math.min(profileValue ?? globalValue, globalValue);
  return {
    maxDurationSeconds: tighter(profile.limits?.maxDurationSeconds, global.maxDurationSeconds),
    warningSeconds: profile.limits?.warningSeconds ?? global.warningSeconds,
    idleSeconds: tighterIdle(profile.limits?.idleSeconds, global.idleSeconds),
    maxPerUser: tighter(profile.limits?.maxPerUser, global.maxPerUser),
    maxPerTenant: global.maxPerTenant,
    maxTotal: global.maxTotal,
  };
}

/** 0 is "no idle limit": a profile may set one where the global has none, or a shorter one. */
function tighterIdle(profileSeconds: number | undefined, globalSeconds: number): number {
  if (!profileSeconds) return globalSeconds;
  return globalSeconds > 0 ? Math.min(profileSeconds, globalSeconds) : profileSeconds;
}
