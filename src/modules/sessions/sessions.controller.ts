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
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { BindCallDto } from './dto/bind-call.dto.js';
import { OpenSessionDto } from './dto/open-session.dto.js';
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
  @ApiCreatedResponse({ description: '`connect` says how to connect (proxy: sdpUrl)' })
  @ApiProblemResponses(400, 429)
  async open(
    @CurrentPrincipal() principal: Principal,
    @Body() body: OpenSessionDto,
  ): Promise<SessionView> {
    return publicView(await this.sessions.open(principal, body.agent, body.mode));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Your session' })
  @ApiOkResponse()
  @ApiProblemResponses(404)
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
  @ApiCreatedResponse({ content: { 'application/sdp': {} } })
  @ApiProblemResponses(404, 409, 415, 502)
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
  @ApiCreatedResponse()
  @ApiProblemResponses(404, 409, 502)
  clientSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<{ value: string; expiresAt: string }> {
    return this.connector.mintClientSecret(principal, id);
  }

  @Post(':id/call')
  @ApiOperation({ summary: 'Ephemeral mode: bind the call the page created (once)' })
  @ApiCreatedResponse()
  @ApiProblemResponses(400, 404, 409, 502)
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
  @ApiOkResponse()
  @ApiProblemResponses(404)
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<SessionView> {
    return publicView(await this.sessions.endOwn(principal, id));
  }
}
