import type { DataSource } from 'typeorm';

/** Names of known migrations that have not been applied to this database yet. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
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
  return dataSource.migrations
    .map((m) => m.name ?? m.constructor.name)
    .filter((n) => !applied.has(n));
}
