import { chainMigrationNames } from './migration-chain.js';
/**
 * Names of known migrations that have not been applied to this database yet: the product's, then
 * each chain's. A recorded migration that the code no longer lists is not counted.
 */ export async function pendingMigrations(dataSource, chains = []) {
    const product = dataSource.migrations.map((m)=>m.name ?? m.constructor.name);
    const pending = await unapplied(dataSource, dataSource.options.migrationsTableName ?? 'migrations', product);
    for (const chain of chains)pending.push(...await unapplied(dataSource, chain.tableName, chainMigrationNames(chain)));
    return pending;
}
async function unapplied(dataSource, table, names) {
    const [{ exists }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
        table
    ]);
    const applied = new Set(exists ? (await dataSource.query(`SELECT name FROM "${table}"`)).map((row)=>row.name) : []);
    return names.filter((n)=>!applied.has(n));
}

//# sourceMappingURL=migration-status.js.map