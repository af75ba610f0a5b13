import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SESSION_ACTION_EXAMPLE, SessionActionItemView } from './dto/session-action.view.js';
import { SessionActions, type SessionActionView } from './session-actions.js';

@ApiTags('sessions')
@Controller('v1/sessions')
export class SessionActionsController {
  constructor(private readonly actions: SessionActions) {}

  /** For the app after (or during) a call: what ran or was asked for approval, and how it ended. */
  @Get(':id/actions')
  @UserAuth()
  @ApiOperation({
    summary:
      'Calls this session ran or sent for approval, with their outcomes and the id (tc_…/act_…) to roll each back by',
  })
  @ApiOkResponse({
    type: SessionActionItemView,
    isArray: true,
    example: [SESSION_ACTION_EXAMPLE],
  })
  @ApiProblemResponses({ 400: ['BAD_REQUEST'], 404: ['SESSION_NOT_FOUND'] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<SessionActionView[]> {
    return this.actions.list(principal, id);
  }
}
