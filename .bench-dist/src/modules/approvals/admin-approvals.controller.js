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
import { Body, Controller, Get, HttpCode, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { map } from 'rxjs';
import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ApprovalDecisions } from './approval-decisions.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalViews } from './approval-views.js';
import { ApproverAuth, DeciderAuth } from './approver-auth.decorator.js';
import { ApproveActionDto, RejectActionDto } from './dto/decide-action.dto.js';
import { ListApprovalsDto } from './dto/list-approvals.dto.js';
export class AdminApprovalsController {
    constructor(views, decisions, events){
        this.views = views;
        this.decisions = decisions;
        this.events = events;
    }
    list(principal, query) {
        return this.views.list(principal, {
            status: query.status,
            tool: query.tool,
            tenantId: query.tenant,
            after: query.cursor,
            limit: query.limit
        });
    }
    stream(principal) {
        return this.events.streamFor(principal).pipe(map((event)=>({
                type: event.type,
                id: event.actionId,
                data: event
            })));
    }
    get(principal, id) {
        return this.views.detail(principal, id);
    }
    async approve(principal, id, body) {
        await this.decisions.approve(principal, id, body.digest, body.comment);
        return this.views.view(principal, id);
    }
    async reject(principal, id, body) {
        await this.decisions.reject(principal, id, body.reason);
        return this.views.view(principal, id);
    }
}
_ts_decorate([
    Get(),
    ApiOperation({
        summary: 'Actions, oldest first; filter by status, tool, tenant; paginate by cursor'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof ListApprovalsDto === "undefined" ? Object : ListApprovalsDto
    ]),
    _ts_metadata("design:returntype", void 0)
], AdminApprovalsController.prototype, "list", null);
_ts_decorate([
    Sse('stream'),
    ApiOperation({
        summary: 'Server-Sent Events: new, escalated, decided, settled and rolled-back actions'
    }),
    _ts_param(0, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", typeof Observable === "undefined" ? Object : Observable)
], AdminApprovalsController.prototype, "stream", null);
_ts_decorate([
    Get(':id'),
    ApiOperation({
        summary: 'One action: what, who, why, its digest, and the recent conversation'
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
], AdminApprovalsController.prototype, "get", null);
_ts_decorate([
    Post(':id/approve'),
    HttpCode(200),
    DeciderAuth(),
    ApiOperation({
        summary: 'Approve, quoting the digest you saw; N distinct approvers for four-eyes tools'
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
        typeof ApproveActionDto === "undefined" ? Object : ApproveActionDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AdminApprovalsController.prototype, "approve", null);
_ts_decorate([
    Post(':id/reject'),
    HttpCode(200),
    DeciderAuth(),
    ApiOperation({
        summary: 'Reject with a reason the caller may hear'
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
        typeof RejectActionDto === "undefined" ? Object : RejectActionDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AdminApprovalsController.prototype, "reject", null);
AdminApprovalsController = _ts_decorate([
    ApiTags('admin: approvals'),
    ApproverAuth('approver', 'auditor'),
    Controller('v1/admin/approvals'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ApprovalViews === "undefined" ? Object : ApprovalViews,
        typeof ApprovalDecisions === "undefined" ? Object : ApprovalDecisions,
        typeof ApprovalEvents === "undefined" ? Object : ApprovalEvents
    ])
], AdminApprovalsController);

//# sourceMappingURL=admin-approvals.controller.js.map