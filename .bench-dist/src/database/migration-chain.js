import { MigrationExecutor } from 'typeorm';
/** The chains this app runs besides the product's (readiness counts their pending migrations). */ export const MIGRATION_CHAINS = Symbol('MIGRATION_CHAINS');
/** Applies the product's pending migrations, then each chain's, each one in its own transaction. */ export async function runAllMigrations(dataSource, chains) {
    await dataSource.runMigrations({
        transaction: 'each'
    });
    for (const chain of chains)await executor(dataSource, chain).executePendingMigrations();
}
/** Reverts the chain's last applied migration (its `down()`), in a transaction. */ export async function undoLastChainMigration(dataSource, chain) {
    await executor(dataSource, chain).undoLastMigration();
}
/** The names of the chain's migrations, as TypeORM records them. */ export function chainMigrationNames(chain) {
    return chain.migrations.map((Migration)=>{
        const migration = new Migration();
        return migration.name ?? migration.constructor.name;
    });
}
/**
 * TypeORM's own executor for the chain. It takes the table name and the migration list from the
 * data source it is given, so it gets a view of the app's data source carrying the chain's: same
 * driver and pool, hence the same connection (the embedded server accepts only one).
 */ function executor(dataSource, chain) {
    const view = Object.create(dataSource, {
        options: {
            value: {
                ...dataSource.options,
                migrationsTableName: chain.tableName
            }
        },
        migrations: {
            value: chain.migrations.map((Migration)=>new Migration())
        }
    });
    const executor = new MigrationExecutor(view);
    executor.transaction = 'each';
    return executor;
}

//# sourceMappingURL=migration-chain.js.map