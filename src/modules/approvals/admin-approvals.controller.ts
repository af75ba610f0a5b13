import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { ApprovalDecisions } from './approval-decisions.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalViews } from './approval-views.js';
import { ApproverAuth, DeciderAuth } from './approver-auth.decorator.js';
import {
  APPROVAL_ACTION_EXAMPLE,
  APPROVAL_PAGE_EXAMPLE,
  ApprovalActionView,
  ApprovalPageView,
} from './dto/approval-action.view.js';
import { APPROVAL_DETAIL_EXAMPLE, ApprovalDetailView } from './dto/approval-detail.view.js';
import { ApproveActionDto, RejectActionDto } from './dto/decide-action.dto.js';
import { ListApprovalsDto } from './dto/list-approvals.dto.js';

// Access is per route: a controller-wide rule would also be documented on the deciding routes,
// whose own rule (any approver role, checked by their guard) replaces it.
@ApiTags('admin: approvals')
@Controller('v1/admin/approvals')
export class AdminApprovalsController {
  constructor(
    private readonly views: ApprovalViews,
    private readonly decisions: ApprovalDecisions,
    private readonly events: ApprovalEvents,
  ) {}

  @Get()
  @ApproverAuth('approver', 'auditor')
  @ApiOperation({
    summary: 'Actions, oldest first; filter by status, tool, tenant; paginate by cursor',
  })
  @ApiOkResponse({ type: ApprovalPageView, example: APPROVAL_PAGE_EXAMPLE })
  @ApiProblemResponses(400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListApprovalsDto) {
    return this.views.list(principal, {
      status: query.status,
      tool: query.tool,
      tenantId: query.tenant,
      after: query.cursor,
      limit: query.limit,
    });
  }

  @Sse('stream')
  @ApproverAuth('approver', 'auditor')
  @ApiOperation({
    summary: 'Server-Sent Events: new, escalated, decided, settled and rolled-back actions',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Each event has the action id as `id`, a type (`event:` approval.created, ' +
      'approval.escalated, approval.decided, action.settled, action.rolled_back) and JSON `data`',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'id: act_7Yc2kP9qLm4Rt8Wx1Zb5Nv\nevent: approval.created\ndata: {"type":"approval.created",' +
          '"actionId":"act_7Yc2kP9qLm4Rt8Wx1Zb5Nv","tool":"issue_refund","status":"pending",' +
          '"tenantId":"acme","at":"2026-12-04T20:06:02.130Z"}\n\n',
      },
    },
  })
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.events
      .streamFor(principal)
      .pipe(map((event) => ({ type: event.type, id: event.actionId, data: event })));
  }

  @Get(':id')
  @ApproverAuth('approver', 'auditor')
  @ApiOperation({ summary: 'One action: what, who, why, its digest, and the recent conversation' })
  @ApiOkResponse({ type: ApprovalDetailView, example: APPROVAL_DETAIL_EXAMPLE })
  @ApiProblemResponses({ 400: ['BAD_REQUEST'], 404: ['ACTION_NOT_FOUND'] })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.views.detail(principal, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @DeciderAuth()
  @ApiOperation({
    summary: 'Approve, quoting the digest you saw; N distinct approvers for four-eyes tools',
  })
  @ApiOkResponse({
    type: ApprovalActionView,
    example: { ...APPROVAL_ACTION_EXAMPLE, status: 'approved', approvals: 1 },
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    403: ['SELF_APPROVAL', 'APPROVER_ROLE_REQUIRED'],
    404: ['ACTION_NOT_FOUND'],
    409: ['STALE_DIGEST', 'DECISION_CONFLICT', 'ACTION_NOT_PENDING'],
  })
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ApproveActionDto,
  ) {
    await this.decisions.approve(principal, id, body.digest, body.comment);
    return this.views.view(principal, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @DeciderAuth()
  @ApiOperation({ summary: 'Reject with a reason the caller may hear' })
  @ApiOkResponse({
    type: ApprovalActionView,
    example: { ...APPROVAL_ACTION_EXAMPLE, status: 'rejected', statusReason: 'not eligible' },
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    403: ['SELF_APPROVAL', 'APPROVER_ROLE_REQUIRED'],
    404: ['ACTION_NOT_FOUND'],
    409: ['DECISION_CONFLICT', 'ACTION_NOT_PENDING'],
  })
  async reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RejectActionDto,
  ) {
    await this.decisions.reject(principal, id, body.reason);
    return this.views.view(principal, id);
  }
}
