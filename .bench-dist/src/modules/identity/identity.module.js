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
import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/index.js';
import { AccessGuard } from './access.guard.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { JwtVerifier } from './jwt-verifier.js';
export class IdentityModule {
    constructor(jwt){
        this.jwt = jwt;
    }
    onModuleInit() {
        if (!this.jwt.configured) {
            new Logger(IdentityModule.name).warn('Neither SWITCHBOARD_JWT_SECRET nor SWITCHBOARD_JWT_JWKS_URL is set: app users cannot sign in.');
        }
    }
}
IdentityModule = _ts_decorate([
    Module({
        controllers: [
            ApiKeysController
        ],
        exports: [
            ApiKeysService,
            JwtVerifier
        ],
        imports: [
            AuditModule
        ],
        providers: [
            ApiKeysRepository,
            ApiKeysService,
            JwtVerifier,
            {
                provide: APP_GUARD,
                useClass: AccessGuard
            }
        ]
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof JwtVerifier === "undefined" ? Object : JwtVerifier
    ])
], IdentityModule);

//# sourceMappingURL=identity.module.js.map