import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { EntityManager } from 'typeorm';

import { AppConfig } from '../config/app-config.js';

type Handler = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY between replicas, on one listening connection per replica. Channels
 * are suffixed with the schema, so apps sharing a database in separate schemas do not hear each
 * other. Notices sent inside a transaction are delivered on commit, to every replica including
 * the sender. The embedded database is single-process: there `notify` calls the local handlers
 * directly (after the caller's transaction, if it passed one, has committed).
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly handlers = new Map<string, Handler[]>();
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /** Whether notices reach other processes (PostgreSQL) or only this one (embedded). */
  get crossProcess(): boolean {
    return Boolean(this.config.database.url);
  }

  channel(name: string): string {
    return `switchboard_${name}_${this.config.database.schema}`.slice(0, 63);
  }

  async listen(name: string, handler: Handler): Promise<void> {
    const channel = this.channel(name);
    const first = !this.handlers.has(channel);
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
    if (!first || !this.crossProcess) return;
    // LISTEN is idempotent, so a connection that was opening meanwhile may listen twice.
    await (await this.connection()).query(`LISTEN "${channel}"`);
  }

  /**
   * Sends a notice. With `tx`, it is part of that transaction (sent on commit); on the embedded
   * database the caller must then call `deliverLocally` after committing.
   */
  async notify(name: string, payload: string, tx?: Pick<EntityManager, 'query'>): Promise<void> {
    if (!this.crossProcess) {
      if (!tx) this.dispatch(this.channel(name), payload);
      return;
    }
    const run = tx ?? (await this.connection());
    await run.query(`SELECT pg_notify($1, $2)`, [this.channel(name), payload]);
  }

  /** Embedded database only: what `notify(…, tx)` could not send before the commit. */
  deliverLocally(name: string, payload: string): void {
    if (!this.crossProcess) this.dispatch(this.channel(name), payload);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /**
   * The listening connection, (re)opened on demand. A dropped connection is replaced and every
   * channel listened to again, so one network blip does not silence a replica until restart.
   */
  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      try {
        const client = new pg.Client({ connectionString: this.config.database.url });
        client.on('error', (error) => this.dropped(client, error.message));
        client.on('end', () => this.dropped(client, 'connection ended'));
        client.on('notification', ({ channel, payload }) => this.dispatch(channel, payload ?? ''));
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`LISTEN "${channel}"`);
        this.client = client;
        return client;
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }

  private dropped(client: pg.Client, reason: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn({ reason }, 'The LISTEN connection dropped; reconnecting');
    const retry = (attempt: number) => {
      if (this.closed || this.client) return;
      this.connection().catch((error: unknown) => {
        this.logger.error({ err: (error as Error).message, attempt }, 'Reconnecting LISTEN failed');
        setTimeout(() => retry(attempt + 1), Math.min(30_000, 500 * 2 ** attempt)).unref();
      });
    };
    retry(0);
  }

  private dispatch(channel: string, payload: string): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        this.logger.error({ channel, err: (error as Error).message }, 'A notice handler failed');
      }
    }
  }
}
