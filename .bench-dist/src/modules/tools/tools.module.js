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
import { DiscoveryModule } from '@nestjs/core';
import { AdminToolsController } from './admin-tools.controller.js';
import { TOOL_ALLOWLIST } from './tool-allowlist.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { ToolExplorer } from './tool.explorer.js';
import { ToolRegistry } from './tool.registry.js';
import { ToolRunner } from './tool-runner.js';
import { ToolsController } from './tools.controller.js';
export class ToolsModule {
    static forRoot(options = {}) {
        return {
            controllers: [
                AdminToolsController,
                ToolsController
            ],
            exports: [
                ToolAccessPolicy,
                ToolRegistry,
                ToolRunner
            ],
            global: true,
            imports: [
                DiscoveryModule
            ],
            module: ToolsModule,
            providers: [
                ToolAccessPolicy,
                ToolExplorer,
                ToolRegistry,
                ToolRunner,
                {
                    provide: TOOL_ALLOWLIST,
                    useValue: options.allowlist ?? {}
                }
            ]
        };
    }
}
ToolsModule = _ts_decorate([
    Module({})
], ToolsModule);

//# sourceMappingURL=tools.module.js.map