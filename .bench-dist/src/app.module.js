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
import { Module } from '@nestjs/common';
import { LoggingModule } from './common/logging/logging.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AuditModule } from './modules/audit/index.js';
import { HealthModule } from './modules/health/index.js';
import { IdentityModule } from './modules/identity/index.js';
import { KnowledgeModule } from './modules/knowledge/index.js';
import { LiveCallsModule } from './modules/live-calls/index.js';
import { MetricsModule } from './modules/metrics/index.js';
import { RealtimeCalls, RealtimeModule } from './modules/realtime/index.js';
import { SessionsModule } from './modules/sessions/index.js';
import { ToolCallsModule } from './modules/tool-calls/index.js';
import { ToolsModule } from './modules/tools/index.js';
import { VoiceModule } from './modules/voice/index.js';
import { DemoToolsModule } from './tools/demo-tools.module.js';
import { DEMO_MIGRATION_CHAIN } from './tools/migrations/index.js';
import { DEMO_TOOL_ALLOWLIST } from './tools/tool-allowlist.js';
/**
 * The demo shop's tools, their allowlist entries and its own migration chain; nothing with
 * SWITCHBOARD_DEMO=false, as production runs.
 */ function demoShop(config) {
    return config.demo.enabled ? {
        imports: [
            DemoToolsModule
        ],
        allowlist: DEMO_TOOL_ALLOWLIST,
        migrationChains: [
            DEMO_MIGRATION_CHAIN
        ]
    } : {
        imports: [],
        allowlist: {},
        migrationChains: []
    };
}
export class AppModule {
    /** The migration chains this configuration runs after the product's (the demo's, when on). */ static migrationChains(config) {
        return demoShop(config).migrationChains;
    }
    static forRoot({ config, dataSource, logDestination, imports = [] }) {
        const demo = demoShop(config);
        return {
            module: AppModule,
            imports: [
                AuditModule,
                ConfigModule.forRoot(config),
                DatabaseModule.forRoot(dataSource, demo.migrationChains),
                HealthModule,
                IdentityModule,
                KnowledgeModule,
                LoggingModule.forRoot(config, logDestination),
                MetricsModule,
                LiveCallsModule,
                SessionsModule,
                ToolCallsModule,
                VoiceModule.forAdapter({
                    module: RealtimeModule,
                    calls: RealtimeCalls
                }),
                ToolsModule.forRoot({
                    allowlist: demo.allowlist
                }),
                ...demo.imports,
                ...imports
            ]
        };
    }
}
AppModule = _ts_decorate([
    Module({})
], AppModule);

//# sourceMappingURL=app.module.js.map