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
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ActionRollback } from './action-rollback.js';
import { ApproverAuth } from './approver-auth.decorator.js';
import { RollbackActionDto } from './dto/decide-action.dto.js';
export class AdminActionsController {
    constructor(rollbacks){
        this.rollbacks = rollbacks;
    }
    rollback(principal, id, body) {
        return this.rollbacks.rollback(principal, id, body.reason);
    }
}
_ts_decorate([
    Post(':id/rollback'),
    HttpCode(200),
    ApproverAuth('approver'),
    ApiOperation({
        summary: "Undo an executed action (act_… or tc_…) through its tool's compensation, at most once"
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
        typeof RollbackActionDto === "undefined" ? Object : RollbackActionDto
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], AdminActionsController.prototype, "rollback", null);
AdminActionsController = _ts_decorate([
    ApiTags('admin: approvals'),
    Controller('v1/admin/actions'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ActionRollback === "undefined" ? Object : ActionRollback
    ])
], AdminActionsController);

//# sourceMappingURL=admin-actions.controller.js.map