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
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, OperatorAuth } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ListSessionsDto } from './dto/list-sessions.dto.js';
import { RevokeSessionDto } from './dto/revoke-session.dto.js';
import { SessionsService } from './sessions.service.js';
export class AdminSessionsController {
    constructor(sessions){
        this.sessions = sessions;
    }
    list(principal, query) {
        return this.sessions.list(principal, {
            state: query.state,
            userId: query.user,
            tenantId: query.tenant,
            from: query.from,
            to: query.to,
            after: query.cursor,
            limit: query.limit
        });
    }
    get(principal, id) {
        return this.sessions.detail(principal, id);
    }
    revoke(id, body, principal) {
        return this.sessions.revoke(principal, id, body.reason);
    }
}
_ts_decorate([
    Get(),
    ApiOperation({
        summary: 'Sessions, oldest first, filtered and paginated by cursor'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof ListSessionsDto === "undefined" ? Object : ListSessionsDto
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], AdminSessionsController.prototype, "list", null);
_ts_decorate([
    Get(':id'),
    ApiOperation({
        summary: 'One session: config as sent, limits, state and its audit timeline'
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
    _ts_metadata("design:returntype", void 0)
], AdminSessionsController.prototype, "get", null);
_ts_decorate([
    Post(':id/revoke'),
    HttpCode(200),
    ApiOperation({
        summary: 'Revoke a session now: hang up, refuse its later tool calls'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400, 404),
    _ts_param(0, Param('id')),
    _ts_param(1, Body()),
    _ts_param(2, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof RevokeSessionDto === "undefined" ? Object : RevokeSessionDto,
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], AdminSessionsController.prototype, "revoke", null);
AdminSessionsController = _ts_decorate([
    ApiTags('admin: sessions'),
    OperatorAuth('admin'),
    Controller('v1/admin/sessions'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsService === "undefined" ? Object : SessionsService
    ])
], AdminSessionsController);

//# sourceMappingURL=admin-sessions.controller.js.map