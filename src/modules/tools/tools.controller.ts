import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { TOOL_EXAMPLE } from './dto/tool.example.js';
import { ToolView } from './dto/tool.view.js';

@ApiTags('tools')
@Controller('v1/tools')
export class ToolsController {
  constructor(private readonly policy: ToolAccessPolicy) {}

  @Get()
  @UserAuth()
  @ApiOperation({ summary: 'The tools you may use: name, description and input schema' })
  @ApiOkResponse({ type: ToolView, isArray: true, example: [TOOL_EXAMPLE] })
  list(@CurrentPrincipal() principal: Principal): ToolView[] {
    return this.policy.toolsFor(principal.roles).map((tool) => ToolView.of(tool));
  }
}
