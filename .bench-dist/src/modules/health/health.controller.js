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
import { Public } from '../../common/auth/auth.decorator.js';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { HealthService } from './health.service.js';
export class HealthController {
    constructor(health){
        this.health = health;
    }
    live() {
        return {
            status: 'ok'
        };
    }
    async ready(res) {
        const readiness = await this.health.readiness();
        res.status(readiness.status === 'ok' ? 200 : 503);
        return readiness;
    }
}
_ts_decorate([
    Get('health'),
    HttpCode(200),
    ApiOperation({
        summary: 'Liveness: the process is up and serving HTTP'
    }),
    ApiOkResponse({
        schema: {
            example: {
                status: 'ok'
            }
        }
    }),
    ApiProblemResponses(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Object)
], HealthController.prototype, "live", null);
_ts_decorate([
    Get('ready'),
    ApiOperation({
        summary: 'Readiness: database reachable, pgvector installed, no pending migrations'
    }),
    ApiOkResponse({
        schema: {
            example: {
                status: 'ok',
                database: 'up',
                embeddedDatabase: true,
                pgvector: '0.8.0',
                pendingMigrations: 0,
                openai: 'simulator'
            }
        }
    }),
    ApiServiceUnavailableResponse({
        description: 'Same body with status "unavailable"'
    }),
    ApiProblemResponses(),
    _ts_param(0, Res({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], HealthController.prototype, "ready", null);
HealthController = _ts_decorate([
    ApiTags('observability'),
    Public(),
    Controller(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof HealthService === "undefined" ? Object : HealthService
    ])
], HealthController);

//# sourceMappingURL=health.controller.js.map