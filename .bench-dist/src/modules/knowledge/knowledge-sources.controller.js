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
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { CreateSourceDto, ListSourcesDto, UpdateSourceDto } from './dto/source.dto.js';
import { KnowledgeEditorAuth } from './knowledge-auth.decorator.js';
import { sourceView } from './knowledge-source.record.js';
import { KnowledgeSources } from './knowledge-sources.service.js';
export class KnowledgeSourcesController {
    constructor(sources){
        this.sources = sources;
    }
    create(principal, body) {
        return this.sources.create(principal, body);
    }
    list(principal, query) {
        return this.sources.list(principal, query.cursor, query.limit);
    }
    async get(principal, id) {
        return sourceView(await this.sources.managed(principal, id));
    }
    update(principal, id, body) {
        return this.sources.update(principal, id, body);
    }
}
_ts_decorate([
    Post(),
    ApiOperation({
        summary: 'Create a source: its tenant, who may read it and its freshness rules'
    }),
    ApiCreatedResponse({
        schema: {
            example: {
                id: 'src_…'
            }
        }
    }),
    ApiProblemResponses(400, 409),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof CreateSourceDto === "undefined" ? Object : CreateSourceDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeSourcesController.prototype, "create", null);
_ts_decorate([
    Get(),
    ApiOperation({
        summary: 'The sources you manage, oldest first'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof ListSourcesDto === "undefined" ? Object : ListSourcesDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeSourcesController.prototype, "list", null);
_ts_decorate([
    Get(':id'),
    ApiOperation({
        summary: 'One source'
    }),
    ApiOkResponse(),
    ApiProblemResponses(404),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String
    ]),
    _ts_metadata("design:returntype", Promise)
], KnowledgeSourcesController.prototype, "get", null);
_ts_decorate([
    Patch(':id'),
    ApiOperation({
        summary: 'Change settings of a source (null clears an optional one)'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400, 404, 409),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof UpdateSourceDto === "undefined" ? Object : UpdateSourceDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeSourcesController.prototype, "update", null);
KnowledgeSourcesController = _ts_decorate([
    ApiTags('knowledge: editors'),
    Controller('v1/knowledge/sources'),
    KnowledgeEditorAuth(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof KnowledgeSources === "undefined" ? Object : KnowledgeSources
    ])
], KnowledgeSourcesController);

//# sourceMappingURL=knowledge-sources.controller.js.map