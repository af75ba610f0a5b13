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
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SessionActions } from './session-actions.js';
export class SessionActionsController {
    constructor(actions){
        this.actions = actions;
    }
    /** For the app after (or during) a call: what ran or was asked for approval, and how it ended. */ list(principal, id) {
        return this.actions.list(principal, id);
    }
}
_ts_decorate([
    Get(':id/actions'),
    UserAuth(),
    ApiOperation({
        summary: 'Calls this session ran or sent for approval, with their outcomes and the id (tc_…/act_…) to roll each back by'
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
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], SessionActionsController.prototype, "list", null);
SessionActionsController = _ts_decorate([
    ApiTags('sessions'),
    Controller('v1/sessions'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionActions === "undefined" ? Object : SessionActions
    ])
], SessionActionsController);

//# sourceMappingURL=session-actions.controller.js.map