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
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { BindCallDto } from './dto/bind-call.dto.js';
import { OpenSessionDto } from './dto/open-session.dto.js';
import { SdpOffer } from './sdp-offer.decorator.js';
import { publicView } from './session.record.js';
import { SessionConnector } from './session-connector.js';
import { SessionsService } from './sessions.service.js';
export class SessionsController {
    constructor(sessions, connector){
        this.sessions = sessions;
        this.connector = connector;
    }
    async open(principal, body) {
        return publicView(await this.sessions.open(principal, body.agent, body.mode));
    }
    async get(principal, id) {
        return publicView(await this.sessions.getOwned(principal, id));
    }
    async sdp(principal, id, offer, res) {
        const answer = await this.connector.exchangeSdp(principal, id, offer);
        res.status(201).type('application/sdp');
        return answer;
    }
    clientSecret(principal, id) {
        return this.connector.mintClientSecret(principal, id);
    }
    async bind(principal, id, body) {
        return publicView(await this.connector.bindCall(principal, id, body.callId));
    }
    async end(principal, id) {
        return publicView(await this.sessions.endOwn(principal, id));
    }
}
_ts_decorate([
    Post(),
    ApiOperation({
        summary: 'Open a session: limits checked, config built on the server'
    }),
    ApiCreatedResponse({
        description: '`connect` says how to connect (proxy: sdpUrl)'
    }),
    ApiProblemResponses(400, 429),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof OpenSessionDto === "undefined" ? Object : OpenSessionDto
    ]),
    _ts_metadata("design:returntype", Promise)
], SessionsController.prototype, "open", null);
_ts_decorate([
    Get(':id'),
    ApiOperation({
        summary: 'Your session'
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
], SessionsController.prototype, "get", null);
_ts_decorate([
    Post(':id/sdp'),
    ApiOperation({
        summary: 'Proxy mode: exchange the SDP offer for the answer (once)'
    }),
    ApiConsumes('application/sdp'),
    ApiBody({
        schema: {
            type: 'string',
            example: 'v=0\r\no=- …'
        }
    }),
    ApiCreatedResponse({
        content: {
            'application/sdp': {}
        }
    }),
    ApiProblemResponses(404, 409, 415, 502),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, SdpOffer()),
    _ts_param(3, Res({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        String,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], SessionsController.prototype, "sdp", null);
_ts_decorate([
    Post(':id/client-secret'),
    ApiOperation({
        summary: 'Ephemeral mode: mint the one short-lived client secret'
    }),
    ApiCreatedResponse(),
    ApiProblemResponses(404, 409, 502),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], SessionsController.prototype, "clientSecret", null);
_ts_decorate([
    Post(':id/call'),
    ApiOperation({
        summary: 'Ephemeral mode: bind the call the page created (once)'
    }),
    ApiCreatedResponse(),
    ApiProblemResponses(400, 404, 409, 502),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof BindCallDto === "undefined" ? Object : BindCallDto
    ]),
    _ts_metadata("design:returntype", Promise)
], SessionsController.prototype, "bind", null);
_ts_decorate([
    Delete(':id'),
    HttpCode(200),
    ApiOperation({
        summary: 'End your session now (hangs up the call)'
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
], SessionsController.prototype, "end", null);
SessionsController = _ts_decorate([
    ApiTags('sessions'),
    UserAuth(),
    Controller('v1/sessions'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof SessionConnector === "undefined" ? Object : SessionConnector
    ])
], SessionsController);

//# sourceMappingURL=sessions.controller.js.map