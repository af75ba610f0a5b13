import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { RelayToolCallDto } from './dto/relay-tool-call.dto.js';
import { ToolCallResultView } from './dto/tool-call-result.view.js';
import { ToolCallRelay } from './tool-call-relay.js';

@ApiTags('sessions')
@Controller('v1/sessions')
export class ToolCallsController {
  constructor(private readonly relays: ToolCallRelay) {}

  /**
   * Meant for pages in ephemeral mode that see function calls first: the same pipeline as the
   * sideband path, and the same `(session, callId)` record, so a call relayed and also seen on the
   * sideband runs once. The model's output is always sent by the sideband. It is open in both modes:
   * the session's owner may only run what their roles already allow, with every rule applied.
   */
  @Post(':id/tool-calls')
  @HttpCode(200)
  @UserAuth()
  @ApiOperation({ summary: 'Relay a function call from the page for governed execution' })
  @ApiOkResponse({ type: ToolCallResultView })
  @ApiProblemResponses(404, 409, 422, 429, 503, 504)
  relay(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RelayToolCallDto,
  ): Promise<ToolCallResultView> {
    return this.relays.relay(principal, id, body);
  }
}
