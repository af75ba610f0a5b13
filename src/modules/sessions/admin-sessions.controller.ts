import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, OperatorAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import {
  ADMIN_SESSION_DETAIL_EXAMPLE,
  AdminSessionDetailView,
} from './dto/admin-session-detail.view.js';
import {
  ADMIN_SESSION_EXAMPLE,
  ADMIN_SESSION_PAGE_EXAMPLE,
  AdminSessionPageView,
  AdminSessionView,
} from './dto/admin-session.view.js';
import { ListSessionsDto } from './dto/list-sessions.dto.js';
import { RevokeSessionDto } from './dto/revoke-session.dto.js';
import type { SessionRecord } from './session.record.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('admin: sessions')
@OperatorAuth('admin')
@Controller('v1/admin/sessions')
export class AdminSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({ summary: 'Sessions, oldest first, filtered and paginated by cursor' })
  @ApiOkResponse({ type: AdminSessionPageView, example: ADMIN_SESSION_PAGE_EXAMPLE })
  @ApiProblemResponses(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListSessionsDto,
  ): Promise<{ items: SessionRecord[]; nextCursor: string | null }> {
    return this.sessions.list(principal, {
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
  @ApiOperation({
    summary:
      'One session: config as sent, limits, state, grounding per turn and its audit timeline',
  })
  @ApiOkResponse({
    description:
      'The session as stored, `latency` (p50/p95), `grounding.turns` (per turn: the knowledge ' +
      'given, its documents and versions, digests and any withdrawal) and `timeline` (audit).',
    type: AdminSessionDetailView,
    example: ADMIN_SESSION_DETAIL_EXAMPLE,
  })
  @ApiProblemResponses({ 400: ['BAD_REQUEST'], 404: ['SESSION_NOT_FOUND'] })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.sessions.detail(principal, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a session now: hang up, refuse its later tool calls' })
  @ApiOkResponse({
    type: AdminSessionView,
    example: { ...ADMIN_SESSION_EXAMPLE, state: 'revoked', endReason: 'abusive caller' },
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, { 404: ['SESSION_NOT_FOUND'] })
  revoke(
    @Param('id') id: string,
    @Body() body: RevokeSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionRecord> {
    return this.sessions.revoke(principal, id, body.reason);
  }
}
