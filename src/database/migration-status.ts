import type { DataSource } from 'typeorm';

import { chainMigrationNames, type MigrationChain } from './migration-chain.js';

/**
 * Names of known migrations that have not been applied to this database yet: the product's, then
 * each chain's. A recorded migration that the code no longer lists is not counted.
 */
export async function pendingMigrations(
  dataSource: DataSource,
  chains: readonly MigrationChain[] = [],
): Promise<string[]> {
  const product = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  const pending = await unapplied(
    dataSource,
    dataSource.options.migrationsTableName ?? 'migrations',
    product,
  );
  for (const chain of chains)
    pending.push(...(await unapplied(dataSource, chain.tableName, chainMigrationNames(chain))));
  return pending;
}

async function unapplied(
  dataSource: DataSource,
  table: string,
  names: string[],
): Promise<string[]> {
  const [{ exists }] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
    table,
  ])) as [{ exists: boolean }];
  const applied = new Set<string>(
    exists
      ? ((await dataSource.query(`SELECT name FROM "${table}"`)) as { name: string }[]).map(
          (row) => row.name,
        )
      : [],
  );
  return names.filter((n) => !applied.has(n));
}
