import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { BindCallDto } from './dto/bind-call.dto.js';
import { CLIENT_SECRET_EXAMPLE, ClientSecretView } from './dto/client-secret.view.js';
import { OpenSessionDto } from './dto/open-session.dto.js';
import {
  EPHEMERAL_SESSION_EXAMPLE,
  SESSION_EXAMPLE,
  SessionView as SessionViewSchema,
} from './dto/session.view.js';
import { SdpOffer } from './sdp-offer.decorator.js';
import { publicView } from './session.record.js';
import { SessionConnector } from './session-connector.js';
import { SessionsService } from './sessions.service.js';

type SessionView = ReturnType<typeof publicView>;

@ApiTags('sessions')
@UserAuth()
@Controller('v1/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly connector: SessionConnector,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open a session: limits checked, config built on the server' })
  @ApiCreatedResponse({
    description: '`connect` says how to connect (proxy: sdpUrl)',
    type: SessionViewSchema,
    example: SESSION_EXAMPLE,
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    400: ['UNKNOWN_AGENT', 'MODE_NOT_SUPPORTED'],
    429: ['SESSION_LIMIT_REACHED', 'BUDGET_EXHAUSTED'],
  })
  async open(
    @CurrentPrincipal() principal: Principal,
    @Body() body: OpenSessionDto,
  ): Promise<SessionView> {
    return publicView(await this.sessions.open(principal, body.agent, body.mode));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Your session' })
  @ApiOkResponse({ type: SessionViewSchema, example: SESSION_EXAMPLE })
  @ApiProblemResponses({ 400: ['BAD_REQUEST'], 404: ['SESSION_NOT_FOUND'] })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<SessionView> {
    return publicView(await this.sessions.getOwned(principal, id));
  }

  @Post(':id/sdp')
  @ApiOperation({ summary: 'Proxy mode: exchange the SDP offer for the answer (once)' })
  @ApiConsumes('application/sdp')
  @ApiBody({ schema: { type: 'string', example: 'v=0\r\no=- …' } })
  @ApiCreatedResponse({
    description: "OpenAI's SDP answer",
    content: {
      'application/sdp': {
        schema: { type: 'string' },
        example:
          'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n…',
      },
    },
  })
  @ApiProblemResponses({
    400: ['BAD_REQUEST'],
    404: ['SESSION_NOT_FOUND'],
    409: ['SESSION_STATE_CONFLICT'],
    413: ['PAYLOAD_TOO_LARGE'],
    415: ['UNSUPPORTED_MEDIA_TYPE'],
    502: ['UPSTREAM_ERROR'],
  })
  async sdp(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @SdpOffer() offer: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const answer = await this.connector.exchangeSdp(principal, id, offer);
    res.status(201).type('application/sdp');
    return answer;
  }

  @Post(':id/client-secret')
  @ApiOperation({ summary: 'Ephemeral mode: mint the one short-lived client secret' })
  @ApiCreatedResponse({ type: ClientSecretView, example: CLIENT_SECRET_EXAMPLE })
  @ApiProblemResponses({
    400: ['BAD_REQUEST'],
    404: ['SESSION_NOT_FOUND'],
    409: ['SESSION_STATE_CONFLICT'],
    502: ['UPSTREAM_ERROR'],
  })
  clientSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<{ value: string; expiresAt: string; callsUrl: string }> {
    return this.connector.mintClientSecret(principal, id);
  }

  @Post(':id/call')
  @ApiOperation({ summary: 'Ephemeral mode: bind the call the page created (once)' })
  @ApiCreatedResponse({
    type: SessionViewSchema,
    example: { ...EPHEMERAL_SESSION_EXAMPLE, state: 'active' },
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    404: ['SESSION_NOT_FOUND'],
    409: ['SESSION_STATE_CONFLICT'],
    502: ['UPSTREAM_ERROR'],
  })
  async bind(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: BindCallDto,
  ): Promise<SessionView> {
    return publicView(await this.connector.bindCall(principal, id, body.callId));
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'End your session now (hangs up the call)' })
  @ApiOkResponse({
    type: SessionViewSchema,
    example: { ...SESSION_EXAMPLE, state: 'ended', endReason: 'user_ended' },
  })
  @ApiProblemResponses({ 400: ['BAD_REQUEST'], 404: ['SESSION_NOT_FOUND'] })
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<SessionView> {
    return publicView(await this.sessions.endOwn(principal, id));
  }
}
