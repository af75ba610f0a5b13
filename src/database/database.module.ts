import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import type { SwitchboardDataSource } from './database-connection.js';
import { DatabaseNotifications } from './database-notifications.js';
import { MIGRATION_CHAINS, type MigrationChain } from './migration-chain.js';

/**
 * Hands the already-connected (and migrated) data source to Nest's TypeORM integration, which
 * destroys it on shutdown; `SwitchboardDataSource.destroy()` then also stops the embedded server.
 * `migrationChains` are the chains this app runs besides the product's (see `MigrationChain`).
 */
@Module({})
export class DatabaseModule {
  static forRoot(
    dataSource: SwitchboardDataSource,
    migrationChains: readonly MigrationChain[] = [],
  ): DynamicModule {
    return {
      exports: [DatabaseNotifications, MIGRATION_CHAINS],
      global: true,
      module: DatabaseModule,
      providers: [DatabaseNotifications, { provide: MIGRATION_CHAINS, useValue: migrationChains }],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
      ],
    };
  }
}
