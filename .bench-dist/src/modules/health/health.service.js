function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SwitchboardDataSource } from '../../database/database-connection.js';
import { MIGRATION_CHAINS } from '../../database/migration-chain.js';
import { pendingMigrations } from '../../database/migration-status.js';
import { OpenAIEndpoint } from '../realtime/index.js';
export class HealthService {
    constructor(dataSource, openai, migrationChains){
        this.dataSource = dataSource;
        this.openai = openai;
        this.migrationChains = migrationChains;
    }
    /**
   * Ready means: the database answers, pgvector is installed and no migration is pending, the
   * product's or those of a chain the app runs (the demo shop's, when it is on).
   */ async readiness() {
        const embeddedDatabase = this.dataSource instanceof SwitchboardDataSource && this.dataSource.embedded !== undefined;
        const openai = this.openai.simulated ? 'simulator' : 'api';
        try {
            const rows = await this.dataSource.query(`SELECT extversion FROM pg_extension WHERE extname = 'vector'`);
            const pgvector = rows[0]?.extversion ?? null;
            const pending = (await pendingMigrations(this.dataSource, this.migrationChains)).length;
            const ok = pgvector !== null && pending === 0;
            return {
                status: ok ? 'ok' : 'unavailable',
                database: 'up',
                embeddedDatabase,
                pgvector,
                pendingMigrations: pending,
                openai
            };
        } catch  {
            return {
                status: 'unavailable',
                database: 'down',
                embeddedDatabase,
                pgvector: null,
                pendingMigrations: -1,
                openai
            };
        }
    }
}
HealthService = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_param(2, Inject(MIGRATION_CHAINS)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof OpenAIEndpoint === "undefined" ? Object : OpenAIEndpoint,
        Object
    ])
], HealthService);

//# sourceMappingURL=health.service.js.map