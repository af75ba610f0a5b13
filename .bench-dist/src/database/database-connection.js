import { DataSource } from 'typeorm';
import { dataSourceOptions, searchPathSql } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
/**
 * A TypeORM DataSource that knows its schema and owns the embedded server when there is one.
 * `initialize()` also prepares the schema; `destroy()` closes the connection first, then the socket
 * server and PGlite, the only order that leaves the embedded data directory clean.
 */ export class SwitchboardDataSource extends DataSource {
    constructor(config, embedded){
        super(dataSourceOptions(config, config.database.url ?? embedded.url, Boolean(embedded))), this.config = config, this.embedded = embedded;
    }
    async initialize() {
        await super.initialize();
        const { schema } = this.config.database;
        try {
            if (schema !== 'public') await this.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
            if (this.embedded) await this.query(searchPathSql(schema));
        } catch (error) {
            await super.destroy();
            throw error;
        }
        return this;
    }
    async destroy() {
        if (this.isInitialized) await super.destroy();
        await this.embedded?.close();
    }
}
/**
 * Builds the data source for `DATABASE_URL`, or for the embedded PGlite when it is unset: the one
 * passed in (tests share one per worker), else a new one on SWITCHBOARD_DATA_DIR. The result is not yet initialised (the TypeORM CLI insists on doing that itself).
 */ export async function createDataSource(config, embedded) {
    if (config.database.url) return new SwitchboardDataSource(config);
    return new SwitchboardDataSource(config, embedded ?? await startEmbeddedPostgres(config.database.dataDir));
}
/** Creates and initialises the data source; on failure nothing is left running. */ export async function connectDatabase(config, embedded) {
    const dataSource = await createDataSource(config, embedded);
    try {
        return await dataSource.initialize();
    } catch (error) {
        await dataSource.embedded?.close();
        throw error;
    }
}

//# sourceMappingURL=database-connection.js.map