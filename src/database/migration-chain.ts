import type { InjectionToken } from '@nestjs/common';
import { type DataSource, MigrationExecutor, type MigrationInterface } from 'typeorm';

/**
 * Migrations kept apart from the product's (`migrations/`), e.g. the demo shop's: recorded in a
 * TypeORM migrations table of their own, so neither history holds the other's entries. They run
 * after the product's, each in its own transaction, on the app's own connection.
 */
export interface MigrationChain {
  /** The table that records which of them ran, e.g. `demo_migrations`. */
  readonly tableName: string;
  /** Oldest first; class names end in their epoch-ms timestamp, as the product's do. */
  readonly migrations: readonly (new () => MigrationInterface)[];
}

/** The chains this app runs besides the product's (readiness counts their pending migrations). */
export const MIGRATION_CHAINS: InjectionToken<readonly MigrationChain[]> =
  Symbol('MIGRATION_CHAINS');

/** Applies the product's pending migrations, then each chain's, each one in its own transaction. */
export async function runAllMigrations(
  dataSource: DataSource,
  chains: readonly MigrationChain[],
): Promise<void> {
  await dataSource.runMigrations({ transaction: 'each' });
  for (const chain of chains) await executor(dataSource, chain).executePendingMigrations();
}

/** Reverts the chain's last applied migration (its `down()`), in a transaction. */
export async function undoLastChainMigration(
  dataSource: DataSource,
  chain: MigrationChain,
): Promise<void> {
  await executor(dataSource, chain).undoLastMigration();
}

/** The names of the chain's migrations, as TypeORM records them. */
export function chainMigrationNames(chain: MigrationChain): string[] {
  return chain.migrations.map((Migration) => {
    const migration = new Migration();
    return migration.name ?? migration.constructor.name;
  });
}

/**
 * TypeORM's own executor for the chain. It takes the table name and the migration list from the
 * data source it is given, so it gets a view of the app's data source carrying the chain's: same
 * driver and pool, hence the same connection (the embedded server accepts only one).
 */
function executor(dataSource: DataSource, chain: MigrationChain): MigrationExecutor {
  const view = Object.create(dataSource, {
    options: { value: { ...dataSource.options, migrationsTableName: chain.tableName } },
    migrations: { value: chain.migrations.map((Migration) => new Migration()) },
  }) as DataSource;
  const executor = new MigrationExecutor(view);
  executor.transaction = 'each';
  return executor;
}
