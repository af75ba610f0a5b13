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
import { RealtimeModule } from '../realtime/index.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
export class HealthModule {
}
HealthModule = _ts_decorate([
    Module({
        controllers: [
            HealthController
        ],
        imports: [
            RealtimeModule
        ],
        providers: [
            HealthService
        ]
    })
], HealthModule);

//# sourceMappingURL=health.module.js.map