import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';

import { LoggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { SwitchboardDataSource } from './database/database-connection.js';
import { DatabaseModule } from './database/database.module.js';
import { AuditModule } from './modules/audit/index.js';
import { HealthModule } from './modules/health/index.js';
import { IdentityModule } from './modules/identity/index.js';
import { LiveCallsModule } from './modules/live-calls/index.js';
import { MetricsModule } from './modules/metrics/index.js';
import { RealtimeModule } from './modules/realtime/index.js';
import { SessionsModule } from './modules/sessions/index.js';
import { ToolCallsModule } from './modules/tool-calls/index.js';
import { ToolsModule } from './modules/tools/index.js';
import { VoiceModule } from './modules/voice/index.js';
import { DemoToolsModule } from './tools/demo-tools.module.js';
import { TOOL_ALLOWLIST } from './tools/tool-allowlist.js';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly dataSource: SwitchboardDataSource;
  /** Where log lines go; stdout when absent. Tests pass a stream to read them. */
  readonly logDestination?: DestinationStream;
  readonly imports?: readonly (Type | DynamicModule)[];
}

@Module({})
export class AppModule {
  static forRoot({
    config,
    dataSource,
    logDestination,
    imports = [],
  }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuditModule,
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(dataSource),
        HealthModule,
        IdentityModule,
        LoggingModule.forRoot(config, logDestination),
        MetricsModule,
        LiveCallsModule,
        SessionsModule,
        ToolCallsModule,
        VoiceModule.forAdapter(RealtimeModule),
        ToolsModule.forRoot({ allowlist: TOOL_ALLOWLIST }),
        DemoToolsModule,
        ...imports,
      ],
    };
  }
}
