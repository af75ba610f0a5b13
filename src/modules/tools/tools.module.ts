import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { AdminToolsController } from './admin-tools.controller.js';
import { type ToolAllowlist, TOOL_ALLOWLIST } from './tool-allowlist.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { ToolExplorer } from './tool.explorer.js';
import { ToolRegistry } from './tool.registry.js';
import { ToolRunner } from './tool-runner.js';
import { ToolsController } from './tools.controller.js';

export interface ToolsModuleOptions {
  /** Role → tool names; see `ToolAllowlist`. */
  readonly allowlist?: ToolAllowlist;
}

/**
 * The tool registry: discovers `@Tool()` providers anywhere in the app at bootstrap, generates
 * their schemas, and answers which roles may use which tool. Global, so the modules that declare
 * tools and the ones that use the registry need not import each other.
 */
@Module({})
export class ToolsModule {
  static forRoot(options: ToolsModuleOptions = {}): DynamicModule {
    return {
      controllers: [AdminToolsController, ToolsController],
      exports: [ToolAccessPolicy, ToolRegistry, ToolRunner],
      global: true,
      imports: [DiscoveryModule],
      module: ToolsModule,
      providers: [
        ToolAccessPolicy,
        ToolExplorer,
        ToolRegistry,
        ToolRunner,
        { provide: TOOL_ALLOWLIST, useValue: options.allowlist ?? {} },
      ],
    };
  }
}
