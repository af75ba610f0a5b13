import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { OperatorAuth } from '../../common/auth/auth.decorator.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { ToolRegistry } from './tool.registry.js';
import { AdminToolView } from './dto/admin-tool.view.js';
import { ADMIN_TOOL_EXAMPLE } from './dto/tool.example.js';

@ApiTags('admin')
@Controller('v1/admin/tools')
export class AdminToolsController {
  constructor(
    private readonly registry: ToolRegistry,
    private readonly policy: ToolAccessPolicy,
  ) {}

  @Get()
  @OperatorAuth('admin', 'auditor', 'approver')
  @ApiOperation({ summary: 'Every registered tool with its policies (roles, approval, limits)' })
  @ApiOkResponse({ type: AdminToolView, isArray: true, example: [ADMIN_TOOL_EXAMPLE] })
  list(): AdminToolView[] {
    return this.registry.all().map((tool) => AdminToolView.of(tool, this.policy.rolesOf(tool)));
  }
}
