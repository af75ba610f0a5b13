import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { ActionRollback, type RollbackOutcome } from './action-rollback.js';
import { ApproverAuth } from './approver-auth.decorator.js';
import { RollbackActionDto } from './dto/decide-action.dto.js';
import { ROLLBACK_OUTCOME_EXAMPLE, RollbackOutcomeView } from './dto/rollback-outcome.view.js';

@ApiTags('admin: approvals')
@Controller('v1/admin/actions')
export class AdminActionsController {
  constructor(private readonly rollbacks: ActionRollback) {}

  @Post(':id/rollback')
  @HttpCode(200)
  @ApproverAuth('approver')
  @ApiOperation({
    summary:
      "Undo an executed action (act_… or tc_…) through its tool's compensation, at most once",
  })
  @ApiOkResponse({ type: RollbackOutcomeView, example: ROLLBACK_OUTCOME_EXAMPLE })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    404: ['ACTION_NOT_FOUND'],
    409: ['ACTION_IRREVERSIBLE', 'ROLLBACK_NOT_POSSIBLE'],
  })
  rollback(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RollbackActionDto,
  ): Promise<RollbackOutcome> {
    return this.rollbacks.rollback(principal, id, body.reason);
  }
}
