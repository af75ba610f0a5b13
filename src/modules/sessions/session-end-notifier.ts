import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';

import { AppConfig } from '../../config/app-config.js';
import { SidebandConnections } from '../realtime/sideband-connections.js';
import { SessionTimers } from './session-timers.js';
import { sessionEndChannel } from './sessions.service.js';

export interface SessionEndedNotice {
  readonly sessionId: string;
  readonly callId: string | null;
}

/**
 * Tells every replica at once that a session ended, so the one owning its sideband lets go now
 * rather than at its next lease renewal. `SessionsService.end` sends `pg_notify` inside its
 * transaction (delivered on commit); each replica LISTENs on a connection of its own. The embedded
 * database is single-process, so there it is skipped: `end` cleans up locally.
 */
@Injectable()
export class SessionEndNotifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionEndNotifier.name);
  private client?: pg.Client;

  constructor(
    private readonly config: AppConfig,
    private readonly sidebands: SidebandConnections,
    private readonly timers: SessionTimers,
  ) {}

  /** One channel per schema, so apps sharing a database in separate schemas do not hear each other. */
  get channel(): string {
    return sessionEndChannel(this.config.database.schema);
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.database.url;
    if (!url) return;
    this.client = new pg.Client({ connectionString: url });
    this.client.on('error', (error) =>
      this.logger.error({ err: error.message }, 'Session-end listener connection failed'),
    );
    this.client.on('notification', ({ payload }) => this.release(payload));
    await this.client.connect();
    await this.client.query(`LISTEN "${this.channel}"`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.end().catch(() => undefined);
  }

  /** Drops this replica's sideband and timers for an ended session (a no-op if it has none). */
  releaseLocally({ sessionId, callId }: SessionEndedNotice): boolean {
    this.timers.cancel(sessionId);
    if (!callId || !this.sidebands.isWanted(callId)) return false;
    this.sidebands.close(callId);
    return true;
  }

  private release(payload: string | undefined): void {
    try {
      const notice = JSON.parse(payload ?? '') as SessionEndedNotice;
      if (this.releaseLocally(notice))
        this.logger.log(notice, 'Session ended elsewhere; released its sideband here');
    } catch {
      this.logger.warn({ payload }, 'Ignoring a malformed session-end notice');
    }
  }
}
