import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, OperatorAuth } from '../../common/auth/auth.decorator.js';
import { actorOf, type Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { ApiKeysService, type ApiKeySummary } from './api-keys.service.js';
import {
  API_KEY_EXAMPLE,
  ApiKeyView,
  CREATED_API_KEY_EXAMPLE,
  CreatedApiKeyView,
} from './dto/api-key.view.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

@ApiTags('admin: api keys')
@OperatorAuth('admin')
@Controller('v1/admin/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an operator API key; the key is in this response only' })
  @ApiCreatedResponse({
    description: '`key` is shown once; only its SHA-256 is stored',
    type: CreatedApiKeyView,
    example: CREATED_API_KEY_EXAMPLE,
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS)
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKeySummary & { key: string }> {
    const { key, summary } = await this.apiKeys.create(body.name, body.roles, actorOf(principal));
    return { ...summary, key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyView, isArray: true, example: [API_KEY_EXAMPLE] })
  list(): Promise<ApiKeySummary[]> {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiOkResponse({
    type: ApiKeyView,
    example: { ...API_KEY_EXAMPLE, revokedAt: '2026-12-04T21:00:00.000Z' },
  })
  @ApiProblemResponses({ 400: ['BAD_REQUEST'], 404: ['API_KEY_NOT_FOUND'] })
  revoke(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKeySummary> {
    return this.apiKeys.revoke(id, actorOf(principal));
  }
}
