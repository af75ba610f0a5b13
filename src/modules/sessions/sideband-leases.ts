import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { CallNotFoundUpstreamError, VoiceCalls } from '../voice/index.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';
import { SessionsService } from './sessions.service.js';

/**
 * Exactly one replica owns a call's sideband at a time: a lease row in PostgreSQL, renewed every
 * third of its lifetime. A replica that stops renewing (crash, or a graceful shutdown that hands
 * its leases back) is replaced: any other replica takes over an expired lease of an active
 * session, reopens the sideband and re-arms the session's timers (through `call.attached`). A
 * replica that finds it lost a lease lets go of the sideband.
 */
@Injectable()
export class SidebandLeases implements OnModuleInit, OnApplicationShutdown {
  readonly replicaId = newId('rep');
  private readonly logger = new Logger(SidebandLeases.name);
  private readonly owned = new Set<string>();
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    private readonly leases: SidebandLeasesRepository,
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly voice: VoiceCalls,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  onModuleInit(): void {
    const periodMs = (this.config.sessions.sidebandLeaseSeconds * 1000) / 3;
    this.timer = setInterval(() => void this.tick(), periodMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // Hand the leases back so another replica takes over at its next tick, not after expiry.
    await this.leases.handBack(this.replicaId).catch(() => undefined);
  }

  /** Takes the lease of a call this replica is connecting; true if it is now the owner. */
  async acquire(sessionId: string, callId: string): Promise<boolean> {
    const seconds = this.config.sessions.sidebandLeaseSeconds;
    const acquired = await this.leases.acquire(callId, sessionId, this.replicaId, seconds);
    if (acquired) this.owned.add(callId);
    return acquired;
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
    const kept = new Set(
      await this.leases.renew(this.replicaId, this.config.sessions.sidebandLeaseSeconds),
    );
    for (const callId of [...this.owned]) {
      if (kept.has(callId)) continue;
      this.owned.delete(callId);
      this.voice.detach(callId);
    }
  }

  private async takeOver(): Promise<void> {
    for (const orphan of await this.leases.orphans()) {
      if (!(await this.acquire(orphan.sessionId, orphan.callId))) continue;
      const session = await this.sessions.getAny(orphan.sessionId);
      try {
        this.lifecycle.emit('call.watching', { session, callId: orphan.callId });
        await this.voice.attach(orphan.callId);
        this.lifecycle.emit('call.attached', { session, callId: orphan.callId, takeover: true });
        this.logger.log({ sessionId: session.id, callId: orphan.callId }, 'Took over a sideband');
      } catch (error) {
        if (error instanceof CallNotFoundUpstreamError) {
          await this.sessions.end(session.id, 'ended', 'call_gone', 'system');
        }
      }
    }
  }
}
