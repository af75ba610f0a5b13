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
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SessionTranscripts } from '../live-calls/index.js';
import { ApprovalDecisions } from './approval-decisions.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalQueue } from './approval-queue.js';
import { ApproverAuth, DeciderAuth } from './approver-auth.decorator.js';
import { ApproveActionDto, RejectActionDto } from './dto/decide-action.dto.js';
import { ListApprovalsDto } from './dto/list-approvals.dto.js';
import { actionView } from './pending-action.record.js';

@ApiTags('admin: approvals')
@ApproverAuth('approver', 'auditor')
@Controller('v1/admin/approvals')
export class AdminApprovalsController {
  constructor(
    private readonly queue: ApprovalQueue,
    private readonly decisions: ApprovalDecisions,
    private readonly events: ApprovalEvents,
    private readonly transcripts: SessionTranscripts,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Actions, oldest first; filter by status, tool, tenant; paginate by cursor',
  })
  @ApiOkResponse()
  @ApiProblemResponses(400)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListApprovalsDto) {
    const { items, nextCursor } = await this.queue.list({
      scope: visibilityScope(principal),
      status: query.status,
      tool: query.tool,
      tenantId: query.tenant,
      after: query.cursor,
      limit: query.limit,
    });
    return { items: items.map(({ row, decisions }) => actionView(row, decisions)), nextCursor };
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
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const { row, decisions } = await this.queue.get(id, principal);
    return {
      ...actionView(row, decisions),
      transcript: await this.transcripts.recent(row.session_id, 20),
    };
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
    return this.view(principal, id);
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
    return this.view(principal, id);
  }

  private async view(principal: Principal, id: string) {
    const { row, decisions } = await this.queue.get(id, principal);
    return actionView(row, decisions);
  }
}
