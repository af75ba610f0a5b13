import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';

import { LoggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { SwitchboardDataSource } from './database/database-connection.js';
import { DatabaseModule } from './database/database.module.js';
import type { MigrationChain } from './database/migration-chain.js';
import { AuditModule } from './modules/audit/index.js';
import { GroundingModule } from './modules/grounding/index.js';
import { HealthModule } from './modules/health/index.js';
import { IdentityModule } from './modules/identity/index.js';
import { KnowledgeModule } from './modules/knowledge/index.js';
import { LiveCallsModule } from './modules/live-calls/index.js';
import { MetricsModule } from './modules/metrics/index.js';
import { DelegationsModule } from './modules/delegations/index.js';
import { GptLiveModule, LiveCalls } from './modules/gpt-live/index.js';
import { RealtimeCalls, RealtimeModule } from './modules/realtime/index.js';
import { SessionEventsModule } from './modules/session-events/index.js';
import { SessionsModule } from './modules/sessions/index.js';
import { ToolCallsModule } from './modules/tool-calls/index.js';
import { type ToolAllowlist, ToolsModule } from './modules/tools/index.js';
import { VoiceModule } from './modules/voice/index.js';
import { DemoModule } from './modules/demo/index.js';
import { DemoToolsModule } from './tools/demo-tools.module.js';
import { DEMO_MIGRATION_CHAIN } from './tools/migrations/index.js';
import { DEMO_TOOL_ALLOWLIST } from './tools/tool-allowlist.js';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly dataSource: SwitchboardDataSource;
  /** Where log lines go; stdout when absent. Tests pass a stream to read them. */
  readonly logDestination?: DestinationStream;
  readonly imports?: readonly (Type | DynamicModule)[];
}

/** What the bundled demo shop (`src/tools`) adds to the app. */
interface DemoShop {
  readonly imports: readonly Type[];
  readonly allowlist: ToolAllowlist;
  readonly migrationChains: readonly MigrationChain[];
}

/**
 * The demo shop's tools, their allowlist entries and its own migration chain; nothing with
 * SWITCHBOARD_DEMO=false, as production runs.
 */
function demoShop(config: AppConfig): DemoShop {
  return config.demo.enabled
    ? {
        imports: [DemoToolsModule, DemoModule],
        allowlist: DEMO_TOOL_ALLOWLIST,
        migrationChains: [DEMO_MIGRATION_CHAIN],
      }
    : { imports: [], allowlist: {}, migrationChains: [] };
}

/** The allowlist with `search_knowledge` granted to SWITCHBOARD_KNOWLEDGE_TOOL_ROLES. */
function withKnowledgeTool(allowlist: ToolAllowlist, config: AppConfig): ToolAllowlist {
  const merged: Record<string, string[]> = {};
  for (const [role, names] of Object.entries(allowlist)) merged[role] = [...names];
  for (const role of config.grounding.toolRoles)
    merged[role] = [...new Set([...(merged[role] ?? []), 'search_knowledge'])];
  return merged;
}

@Module({})
export class AppModule {
  /** The migration chains this configuration runs after the product's (the demo's, when on). */
  static migrationChains(config: AppConfig): readonly MigrationChain[] {
    return demoShop(config).migrationChains;
  }

  static forRoot({
    config,
    dataSource,
    logDestination,
    imports = [],
  }: AppModuleOptions): DynamicModule {
    const demo = demoShop(config);
    return {
      module: AppModule,
      imports: [
        AuditModule,
        ConfigModule.forRoot(config),
        DelegationsModule,
        DatabaseModule.forRoot(dataSource, demo.migrationChains),
        GroundingModule,
        HealthModule,
        IdentityModule,
        KnowledgeModule,
        LoggingModule.forRoot(config, logDestination),
        MetricsModule,
        LiveCallsModule,
        SessionEventsModule,
        SessionsModule,
        ToolCallsModule,
        VoiceModule.forAdapters({
          realtime: { module: RealtimeModule, calls: RealtimeCalls },
          live: { module: GptLiveModule, calls: LiveCalls },
        }),
        ToolsModule.forRoot({ allowlist: withKnowledgeTool(demo.allowlist, config) }),
        ...demo.imports,
        ...imports,
      ],
    };
  }
}
