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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { CurrentPrincipal, OperatorAuth, Public, UserAuth } from '../../src/common/auth/auth.decorator.js';
import { Body, Controller, Get, Logger, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { DomainError } from '../../src/common/errors/domain.error.js';
let ProbeLimitsDto = class ProbeLimitsDto {
};
_ts_decorate([
    IsInt(),
    Min(10),
    Max(600),
    _ts_metadata("design:type", Number)
], ProbeLimitsDto.prototype, "seconds", void 0);
let ProbeBodyDto = class ProbeBodyDto {
};
_ts_decorate([
    IsString(),
    _ts_metadata("design:type", String)
], ProbeBodyDto.prototype, "name", void 0);
_ts_decorate([
    ValidateNested(),
    Type(()=>ProbeLimitsDto),
    _ts_metadata("design:type", typeof ProbeLimitsDto === "undefined" ? Object : ProbeLimitsDto)
], ProbeBodyDto.prototype, "limits", void 0);
/**
 * Routes that exist only in tests, to drive the global pipe, filter and logger through real HTTP
 * before the product has routes of its own for every case.
 */ let ProbeController = class ProbeController {
    echo(body) {
        this.logger.log('echo handled');
        return body;
    }
    domainError() {
        throw new DomainError({
            code: 'PROBE_CONFLICT',
            status: 409,
            title: 'Probe conflict',
            detail: 'It conflicts.'
        });
    }
    crash() {
        throw new Error('secret internal detail');
    }
    constructor(){
        this.logger = new Logger('Probe');
    }
};
_ts_decorate([
    Post('echo'),
    _ts_param(0, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ProbeBodyDto === "undefined" ? Object : ProbeBodyDto
    ]),
    _ts_metadata("design:returntype", typeof ProbeBodyDto === "undefined" ? Object : ProbeBodyDto)
], ProbeController.prototype, "echo", null);
_ts_decorate([
    Get('domain-error'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], ProbeController.prototype, "domainError", null);
_ts_decorate([
    Get('crash'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], ProbeController.prototype, "crash", null);
ProbeController = _ts_decorate([
    Public(),
    Controller('probe')
], ProbeController);
/** Routes guarded in each way the product uses, to test the access guard itself. */ let ProbeAuthController = class ProbeAuthController {
    user(principal) {
        return principal;
    }
    agent(principal) {
        return principal;
    }
    approver(principal) {
        return principal;
    }
    unruled() {
        return 'should never be served';
    }
};
_ts_decorate([
    Get('user'),
    UserAuth(),
    _ts_param(0, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", typeof Principal === "undefined" ? Object : Principal)
], ProbeAuthController.prototype, "user", null);
_ts_decorate([
    Get('agent'),
    UserAuth('agent'),
    _ts_param(0, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", typeof Principal === "undefined" ? Object : Principal)
], ProbeAuthController.prototype, "agent", null);
_ts_decorate([
    Get('approver'),
    OperatorAuth('approver'),
    _ts_param(0, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", typeof Principal === "undefined" ? Object : Principal)
], ProbeAuthController.prototype, "approver", null);
_ts_decorate([
    Get('unruled'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", String)
], ProbeAuthController.prototype, "unruled", null);
ProbeAuthController = _ts_decorate([
    Controller('probe/auth')
], ProbeAuthController);
export class ProbeModule {
}
ProbeModule = _ts_decorate([
    Module({
        controllers: [
            ProbeController,
            ProbeAuthController
        ]
    })
], ProbeModule);

//# sourceMappingURL=probe.module.js.map