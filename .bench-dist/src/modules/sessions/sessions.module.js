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
import { AuditModule } from '../audit/index.js';
import { AdminSessionsController } from './admin-sessions.controller.js';
import { SessionConnector } from './session-connector.js';
import { SessionEndNotifier } from './session-end-notifier.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { SidebandLeases } from './sideband-leases.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';
export class SessionsModule {
}
SessionsModule = _ts_decorate([
    Module({
        controllers: [
            AdminSessionsController,
            SessionsController
        ],
        exports: [
            SessionLifecycle,
            SessionsRepository,
            SessionsService
        ],
        imports: [
            AuditModule
        ],
        providers: [
            SessionConnector,
            SessionEndNotifier,
            SessionLifecycle,
            SessionsRepository,
            SessionsService,
            SidebandLeases,
            SidebandLeasesRepository
        ]
    })
], SessionsModule);

//# sourceMappingURL=sessions.module.js.map