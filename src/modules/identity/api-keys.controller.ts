import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, OperatorAuth } from '../../common/auth/auth.decorator.js';
import { actorOf, type Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ApiKeysService, type ApiKeySummary } from './api-keys.service.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

@ApiTags('admin: api keys')
@OperatorAuth('admin')
@Controller('v1/admin/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an operator API key; the key is in this response only' })
  @ApiCreatedResponse({ description: '`key` is shown once; only its SHA-256 is stored' })
  @ApiProblemResponses(400)
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKeySummary & { key: string }> {
    const { key, summary } = await this.apiKeys.create(body.name, body.roles, actorOf(principal));
    return { ...summary, key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never the keys themselves)' })
  @ApiOkResponse()
  list(): Promise<ApiKeySummary[]> {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiOkResponse()
  @ApiProblemResponses(404)
  revoke(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKeySummary> {
    return this.apiKeys.revoke(id, actorOf(principal));
  }
}
