import { type DynamicModule, Module } from '@nestjs/common';

import { AppConfig } from './app-config.js';

/** Makes the already-validated `AppConfig` injectable everywhere. */
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      exports: [AppConfig],
      global: true,
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
    };
  }
}
