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
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics.registry.js';
export class MetricsModule {
}
MetricsModule = _ts_decorate([
    Module({
        controllers: [
            MetricsController
        ],
        exports: [
            MetricsRegistry
        ],
        providers: [
            {
                provide: MetricsRegistry,
                useFactory: ()=>new MetricsRegistry()
            }
        ]
    })
], MetricsModule);

//# sourceMappingURL=metrics.module.js.map