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
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ApproverAuth, RollbackActionDto } from '../approvals/index.js';
import { ToolCallRollback } from './tool-call-rollback.js';
export class AdminToolCallsController {
    constructor(rollbacks){
        this.rollbacks = rollbacks;
    }
    rollback(principal, sessionId, callId, body) {
        return this.rollbacks.rollback(principal, sessionId, callId, body.reason);
    }
}
_ts_decorate([
    Post(':sessionId/tool-calls/:callId/rollback'),
    HttpCode(200),
    ApproverAuth('approver'),
    ApiOperation({
        summary: "Undo a session's tool call, named by the model's call_id, through its tool's compensation, at most once",
        description: 'The same rollback as POST /v1/admin/actions/{id}/rollback, for the action the call became (tc_… or act_…).'
    }),
    ApiParam({
        name: 'sessionId',
        example: 'ses_…'
    }),
    ApiParam({
        name: 'callId',
        description: "The model's call_id",
        example: 'call_8f2c'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400, [
        404,
        'No such session for you (SESSION_NOT_FOUND), or no such call in it (ACTION_NOT_FOUND)'
    ], [
        409,
        'ACTION_IRREVERSIBLE, ROLLBACK_NOT_POSSIBLE'
    ]),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('sessionId')),
    _ts_param(2, Param('callId')),
    _ts_param(3, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        String,
        typeof RollbackActionDto === "undefined" ? Object : RollbackActionDto
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], AdminToolCallsController.prototype, "rollback", null);
AdminToolCallsController = _ts_decorate([
    ApiTags('admin: approvals'),
    Controller('v1/admin/sessions'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolCallRollback === "undefined" ? Object : ToolCallRollback
    ])
], AdminToolCallsController);

//# sourceMappingURL=admin-tool-calls.controller.js.map