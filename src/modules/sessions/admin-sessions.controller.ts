import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, OperatorAuth } from '../../common/auth/auth.decorator.js';
import { actorOf, type Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { AuditLog } from '../audit/index.js';
import { ListSessionsDto } from './dto/list-sessions.dto.js';
import { latencySummary } from './latency-stats.js';
import { RevokeSessionDto } from './dto/revoke-session.dto.js';
import type { SessionRecord } from './session.record.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('admin: sessions')
@OperatorAuth('admin')
@Controller('v1/admin/sessions')
export class AdminSessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Sessions, oldest first, filtered and paginated by cursor' })
  @ApiOkResponse()
  @ApiProblemResponses(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListSessionsDto,
  ): Promise<{ items: SessionRecord[]; nextCursor: string | null }> {
    return this.sessions.list({
      scope: visibilityScope(principal),
      state: query.state,
      userId: query.user,
      tenantId: query.tenant,
      from: query.from,
      to: query.to,
      after: query.cursor,
      limit: query.limit,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One session: config as sent, limits, state and its audit timeline' })
  @ApiOkResponse()
  @ApiProblemResponses(404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<SessionRecord & { latency: unknown; timeline: unknown[] }> {
    const session = await this.sessions.getVisible(principal, id);
    const { items } = await this.audit.list({ subject: id, limit: 1000 });
    return {
      ...session,
      latency: {
        ...latencySummary(session.turnLatenciesMs),
        switchboard: latencySummary(session.turnOwnMs),
      },
      timeline: items,
    };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a session now: hang up, refuse its later tool calls' })
  @ApiOkResponse()
  @ApiProblemResponses(400, 404)
  async revoke(
    @Param('id') id: string,
    @Body() body: RevokeSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionRecord> {
    await this.sessions.getVisible(principal, id);
    return this.sessions.end(id, 'revoked', body.reason, actorOf(principal));
  }
}
