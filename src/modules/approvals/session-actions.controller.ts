import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { ApprovalQueue } from './approval-queue.js';

@ApiTags('sessions')
@Controller('v1/sessions')
export class SessionActionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly queue: ApprovalQueue,
  ) {}

  /** For the app after (or during) a call: what was asked for approval and how it ended. */
  @Get(':id/actions')
  @UserAuth()
  @ApiOperation({ summary: 'Actions this session sent for approval, with their outcomes' })
  @ApiOkResponse()
  @ApiProblemResponses(404)
  async list(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const session = await this.sessions.getOwned(principal, id);
    const rows = await this.queue.forSession(session.id);
    return rows.map((row) => ({
      id: row.id,
      tool: row.tool,
      status: row.status,
      statusReason: row.status_reason,
      arguments: row.display_arguments,
      result: row.result ?? null,
      error: row.error,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
      executedAt: row.executed_at,
      toldInCall: row.delivered_at !== null,
    }));
  }
}
