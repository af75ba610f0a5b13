import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { SwitchboardDataSource } from '../../database/database-connection.js';
import { MIGRATION_CHAINS, type MigrationChain } from '../../database/migration-chain.js';
import { pendingMigrations } from '../../database/migration-status.js';
import { OpenAIEndpoint } from '../realtime/index.js';
import type { Readiness } from './readiness.js';

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly openai: OpenAIEndpoint,
    @Inject(MIGRATION_CHAINS) private readonly migrationChains: readonly MigrationChain[],
  ) {}

  /**
   * Ready means: the database answers, pgvector is installed and no migration is pending, the
   * product's or those of a chain the app runs (the demo shop's, when it is on).
   */
  async readiness(): Promise<Readiness> {
    const embeddedDatabase =
      this.dataSource instanceof SwitchboardDataSource && this.dataSource.embedded !== undefined;
    const openai = this.openai.simulated ? 'simulator' : 'api';
    try {
      const rows = (await this.dataSource.query(
        `SELECT extversion FROM pg_extension WHERE extname = 'vector'`,
      )) as { extversion: string }[];
      const pgvector = rows[0]?.extversion ?? null;
      const pending = (await pendingMigrations(this.dataSource, this.migrationChains)).length;
      const ok = pgvector !== null && pending === 0;
      return {
        status: ok ? 'ok' : 'unavailable',
        database: 'up',
        embeddedDatabase,
        pgvector,
        pendingMigrations: pending,
        openai,
      };
    } catch {
      return {
        status: 'unavailable',
        database: 'down',
        embeddedDatabase,
        pgvector: null,
        pendingMigrations: -1,
        openai,
      };
    }
  }
}
