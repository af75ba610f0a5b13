import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { RelayToolCallDto } from './dto/relay-tool-call.dto.js';
import { TOOL_CALL_RESULT_EXAMPLE } from './dto/tool-call-result.example.js';
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
  @ApiOkResponse({ type: ToolCallResultView, example: TOOL_CALL_RESULT_EXAMPLE })
  // The pipeline's refusals and failures, and those of the built-in search_knowledge tool; other
  // tools' own domain errors pass through with their codes too.
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    400: ['KNOWLEDGE_QUERY_INVALID'],
    403: ['TOOL_NOT_ALLOWED'],
    404: ['SESSION_NOT_FOUND', 'UNKNOWN_TOOL'],
    409: ['SESSION_NOT_ACTIVE', 'TOOL_DISABLED_NEAR_BUDGET', 'TOOL_CALL_ID_REUSED'],
    422: ['INVALID_TOOL_ARGUMENTS'],
    429: ['BUDGET_EXHAUSTED', 'TOOL_RATE_LIMITED'],
    502: ['TOOL_FAILED'],
    503: ['APPROVAL_UNAVAILABLE', 'EMBEDDING_MODEL_UNAVAILABLE'],
    504: ['TOOL_TIMEOUT'],
  })
  relay(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RelayToolCallDto,
  ): Promise<ToolCallResultView> {
    return this.relays.relay(principal, id, body);
  }
}
