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
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ApprovalDecisions } from './approval-decisions.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalViews } from './approval-views.js';
import { ApproverAuth, DeciderAuth } from './approver-auth.decorator.js';
import { ApproveActionDto, RejectActionDto } from './dto/decide-action.dto.js';
import { ListApprovalsDto } from './dto/list-approvals.dto.js';

@ApiTags('admin: approvals')
@ApproverAuth('approver', 'auditor')
@Controller('v1/admin/approvals')
export class AdminApprovalsController {
  constructor(
    private readonly views: ApprovalViews,
    private readonly decisions: ApprovalDecisions,
    private readonly events: ApprovalEvents,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Actions, oldest first; filter by status, tool, tenant; paginate by cursor',
  })
  @ApiOkResponse()
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
  @ApiOperation({
    summary: 'Server-Sent Events: new, escalated, decided, settled and rolled-back actions',
  })
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.events
      .streamFor(principal)
      .pipe(map((event) => ({ type: event.type, id: event.actionId, data: event })));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One action: what, who, why, its digest, and the recent conversation' })
  @ApiOkResponse()
  @ApiProblemResponses(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.views.detail(principal, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @DeciderAuth()
  @ApiOperation({
    summary: 'Approve, quoting the digest you saw; N distinct approvers for four-eyes tools',
  })
  @ApiOkResponse()
  @ApiProblemResponses(400, 404, 409)
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
  @ApiOkResponse()
  @ApiProblemResponses(400, 404, 409)
  async reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RejectActionDto,
  ) {
    await this.decisions.reject(principal, id, body.reason);
    return this.views.view(principal, id);
  }
}
