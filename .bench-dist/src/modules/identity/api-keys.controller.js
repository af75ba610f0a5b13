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
import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, OperatorAuth } from '../../common/auth/auth.decorator.js';
import { actorOf } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ApiKeysService } from './api-keys.service.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';
export class ApiKeysController {
    constructor(apiKeys){
        this.apiKeys = apiKeys;
    }
    async create(body, principal) {
        const { key, summary } = await this.apiKeys.create(body.name, body.roles, actorOf(principal));
        return {
            ...summary,
            key
        };
    }
    list() {
        return this.apiKeys.list();
    }
    revoke(id, principal) {
        return this.apiKeys.revoke(id, actorOf(principal));
    }
}
_ts_decorate([
    Post(),
    ApiOperation({
        summary: 'Create an operator API key; the key is in this response only'
    }),
    ApiCreatedResponse({
        description: '`key` is shown once; only its SHA-256 is stored'
    }),
    ApiProblemResponses(400),
    _ts_param(0, Body()),
    _ts_param(1, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof CreateApiKeyDto === "undefined" ? Object : CreateApiKeyDto,
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", Promise)
], ApiKeysController.prototype, "create", null);
_ts_decorate([
    Get(),
    ApiOperation({
        summary: 'List API keys (never the keys themselves)'
    }),
    ApiOkResponse(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], ApiKeysController.prototype, "list", null);
_ts_decorate([
    Delete(':id'),
    ApiOperation({
        summary: 'Revoke an API key; it stops working at once'
    }),
    ApiOkResponse(),
    ApiProblemResponses(404),
    _ts_param(0, Param('id')),
    _ts_param(1, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], ApiKeysController.prototype, "revoke", null);
ApiKeysController = _ts_decorate([
    ApiTags('admin: api keys'),
    OperatorAuth('admin'),
    Controller('v1/admin/api-keys'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ApiKeysService === "undefined" ? Object : ApiKeysService
    ])
], ApiKeysController);

//# sourceMappingURL=api-keys.controller.js.map