import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

import { AppConfig } from '../config/app-config.js';

/**
 * Every notice channel and the payload it carries. Modules add theirs by declaration merging
 * (`declare module '…/database-notifications.js' { interface NotificationChannels { … } }`), so
 * a sender and its listeners cannot disagree on a payload's shape.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules
export interface NotificationChannels {}

export type NotificationChannel = keyof NotificationChannels & string;

type Handler = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY between replicas, on one listening connection per replica. Channels
 * are suffixed with the schema, so apps sharing a database in separate schemas do not hear each
 * other. Notices sent inside a transaction are delivered on commit, to every replica including
 * the sender. The embedded database is single-process: there `notify` calls the local handlers
 * itself, after the caller's transaction (if it passed one) has committed.
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly handlers = new Map<string, Handler[]>();
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private closed = false;
  /** Embedded database: notices sent inside a transaction, delivered when it commits. */
  private readonly pending = new WeakMap<QueryRunner, [string, string][]>();

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
  ) {
    dataSource.subscribers.push(this.transactionListener());
  }

  /** Whether notices reach other processes (PostgreSQL) or only this one (embedded). */
  get crossProcess(): boolean {
    return Boolean(this.config.database.url);
  }

  channel(name: string): string {
    return `switchboard_${name}_${this.config.database.schema}`.slice(0, 63);
  }

  /** Calls `handler` with each notice on the channel, from any replica (this one included). */
  async listen<K extends NotificationChannel>(
    name: K,
    handler: (payload: NotificationChannels[K]) => void,
  ): Promise<void> {
    return this.listenRaw(name, (raw) => handler(JSON.parse(raw) as NotificationChannels[K]));
  }

  private async listenRaw(name: string, handler: Handler): Promise<void> {
    const channel = this.channel(name);
    const first = !this.handlers.has(channel);
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
    if (!first || !this.crossProcess) return;
    // LISTEN is idempotent, so a connection that was opening meanwhile may listen twice.
    await (await this.connection()).query(`LISTEN "${channel}"`);
  }

  /**
   * Sends a notice. With `tx`, it is part of that transaction: delivered when it commits, never
   * if it rolls back, on both databases.
   */
  async notify<K extends NotificationChannel>(
    name: K,
    payload: NotificationChannels[K],
    tx?: EntityManager,
  ): Promise<void> {
    const channel = this.channel(name);
    const text = JSON.stringify(payload);
    if (this.crossProcess) {
      const sql = `SELECT pg_notify($1, $2)`;
      await (tx
        ? tx.query(sql, [channel, text])
        : (await this.connection()).query(sql, [channel, text]));
      return;
    }
    const runner = tx?.queryRunner;
    if (!runner?.isTransactionActive) return this.dispatch(channel, text);
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), [channel, text]]);
  }

  /** The embedded database's side of "delivered on commit": a TypeORM transaction listener. */
  private transactionListener(): EntitySubscriberInterface {
    return {
      afterTransactionCommit: ({ queryRunner }) => {
        const notices = this.pending.get(queryRunner) ?? [];
        this.pending.delete(queryRunner);
        for (const [channel, text] of notices) this.dispatch(channel, text);
      },
      afterTransactionRollback: ({ queryRunner }) => void this.pending.delete(queryRunner),
    };
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
