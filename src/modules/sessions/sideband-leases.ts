import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { CallNotFoundUpstreamError, SidebandConnections } from '../realtime/index.js';
import { GovernedCalls } from './governed-calls.js';
import { SessionTimers } from './session-timers.js';
import { SessionsService } from './sessions.service.js';

/**
 * Exactly one replica owns a call's sideband at a time: a lease row in PostgreSQL, renewed every
 * third of its lifetime. A replica that stops renewing (crash, or a graceful shutdown that hands
 * its leases back) is replaced: any other replica takes over an expired lease of an active
 * session, reopens the sideband and re-arms the session's timers. A replica that finds it lost a
 * lease lets go of the sideband.
 */
@Injectable()
export class SidebandLeases implements OnModuleInit, OnApplicationShutdown {
  readonly replicaId = newId('rep');
  private readonly logger = new Logger(SidebandLeases.name);
  private readonly owned = new Set<string>();
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly sidebands: SidebandConnections,
    private readonly timers: SessionTimers,
    private readonly calls: GovernedCalls,
  ) {}

  onModuleInit(): void {
    const periodMs = (this.config.sessions.sidebandLeaseSeconds * 1000) / 3;
    this.timer = setInterval(() => void this.tick(), periodMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // Hand the leases back so another replica takes over at its next tick, not after expiry.
    await this.dataSource
      .query(`UPDATE sideband_leases SET expires_at = now() WHERE owner = $1`, [this.replicaId])
      .catch(() => undefined);
  }

  /** Takes the lease of a call this replica is connecting; true if it is now the owner. */
  async acquire(sessionId: string, callId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO sideband_leases (call_id, session_id, owner, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (call_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE sideband_leases.expires_at < now() OR sideband_leases.owner = excluded.owner
       RETURNING call_id`,
      [callId, sessionId, this.replicaId, this.config.sessions.sidebandLeaseSeconds],
    )) as unknown[];
    if (rows.length > 0) this.owned.add(callId);
    return rows.length > 0;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.renew();
      await this.takeOver();
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'Sideband lease upkeep failed');
    } finally {
      this.ticking = false;
    }
  }

  private async renew(): Promise<void> {
    const [rows] = (await this.dataSource.query(
      `UPDATE sideband_leases SET expires_at = now() + make_interval(secs => $2)
       WHERE owner = $1 RETURNING call_id`,
      [this.replicaId, this.config.sessions.sidebandLeaseSeconds],
    )) as [{ call_id: string }[], number];
    const kept = new Set(rows.map((row) => row.call_id));
    for (const callId of [...this.owned]) {
      if (kept.has(callId)) continue;
      this.owned.delete(callId);
      this.sidebands.close(callId);
    }
  }

  private async takeOver(): Promise<void> {
    const orphans = (await this.dataSource.query(
      `SELECT l.call_id, l.session_id FROM sideband_leases l
       JOIN sessions s ON s.id = l.session_id
       WHERE l.expires_at < now() AND s.state = 'active'`,
    )) as { call_id: string; session_id: string }[];
    for (const orphan of orphans) {
      if (!(await this.acquire(orphan.session_id, orphan.call_id))) continue;
      const session = await this.sessions.getAny(orphan.session_id);
      try {
        this.calls.watch(session, orphan.call_id);
        await this.sidebands.open(orphan.call_id);
        this.timers.schedule(session);
        this.logger.log({ sessionId: session.id, callId: orphan.call_id }, 'Took over a sideband');
      } catch (error) {
        if (error instanceof CallNotFoundUpstreamError) {
          await this.sessions.end(session.id, 'ended', 'call_gone', 'system');
        }
      }
    }
  }
}
