import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { type RollbackOutcome, ApproverAuth, RollbackActionDto } from '../approvals/index.js';
import { ToolCallRollback } from './tool-call-rollback.js';

@ApiTags('admin: approvals')
@Controller('v1/admin/sessions')
export class AdminToolCallsController {
  constructor(private readonly rollbacks: ToolCallRollback) {}

  @Post(':sessionId/tool-calls/:callId/rollback')
  @HttpCode(200)
  @ApproverAuth('approver')
  @ApiOperation({
    summary:
      "Undo a session's tool call, named by the model's call_id, through its tool's compensation, at most once",
    description:
      'The same rollback as POST /v1/admin/actions/{id}/rollback, for the action the call became (tc_… or act_…).',
  })
  @ApiParam({ name: 'sessionId', example: 'ses_…' })
  @ApiParam({ name: 'callId', description: "The model's call_id", example: 'call_8f2c' })
  // The same outcome as the approvals module's rollback, which documents it.
  @ApiOkResponse({
    schema: { $ref: getSchemaPath('RollbackOutcomeView') },
    example: { id: 'tc_3q9zR8mK2pW7xL4vN1bT6c', tool: 'issue_refund', status: 'rolled_back' },
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    404: ['SESSION_NOT_FOUND', 'ACTION_NOT_FOUND'],
    409: ['ACTION_IRREVERSIBLE', 'ROLLBACK_NOT_POSSIBLE'],
  })
  rollback(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId') sessionId: string,
    @Param('callId') callId: string,
    @Body() body: RollbackActionDto,
  ): Promise<RollbackOutcome> {
    return this.rollbacks.rollback(principal, sessionId, callId, body.reason);
  }
}
