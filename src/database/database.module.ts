import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import type { SwitchboardDataSource } from './database-connection.js';
import { DatabaseNotifications } from './database-notifications.js';

/**
 * Hands the already-connected (and migrated) data source to Nest's TypeORM integration, which
 * destroys it on shutdown; `SwitchboardDataSource.destroy()` then also stops the embedded server.
 */
@Module({})
export class DatabaseModule {
  static forRoot(dataSource: SwitchboardDataSource): DynamicModule {
    return {
      exports: [DatabaseNotifications],
      global: true,
      module: DatabaseModule,
      providers: [DatabaseNotifications],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
      ],
    };
  }
}
