import { migrations } from '../../migrations/index.js';
/**
 * TypeORM options shared by the app and the migration CLI. Schema changes only ever come from
 * migrations (`synchronize` stays off). The embedded server serves a single backend session, so
 * its pool holds exactly one connection; a bigger pool would interleave transactions.
 */ export function dataSourceOptions(config, url, embedded) {
    const { schema, poolSize } = config.database;
    return {
        type: 'postgres',
        url,
        schema,
        entities: [],
        migrations,
        migrationsRun: false,
        migrationsTransactionMode: 'each',
        synchronize: false,
        logging: false,
        extra: {
            max: embedded ? 1 : poolSize,
            // Real servers take the search path at connect time; PGlite ignores it (see searchPathSql).
            options: `-c search_path=${schema},public`
        }
    };
}
/** PGlite ignores start-up options but keeps session settings across connections, so set it once. */ export function searchPathSql(schema) {
    return `SET search_path TO "${schema}", public`;
}

//# sourceMappingURL=data-source-options.js.map