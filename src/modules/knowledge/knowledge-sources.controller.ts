import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { CreateSourceDto, ListSourcesDto, UpdateSourceDto } from './dto/source.dto.js';
import {
  CREATED_SOURCE_EXAMPLE,
  CreatedSourceView,
  SOURCE_EXAMPLE,
  SOURCE_PAGE_EXAMPLE,
  SourcePageView,
  SourceView,
} from './dto/source.view.js';
import { KnowledgeEditorAuth } from './knowledge-auth.decorator.js';
import { sourceView } from './knowledge-source.record.js';
import { KnowledgeSources } from './knowledge-sources.service.js';

@ApiTags('knowledge: editors')
@Controller('v1/knowledge/sources')
@KnowledgeEditorAuth()
export class KnowledgeSourcesController {
  constructor(private readonly sources: KnowledgeSources) {}

  @Post()
  @ApiOperation({ summary: 'Create a source: its tenant, who may read it and its freshness rules' })
  @ApiCreatedResponse({ type: CreatedSourceView, example: CREATED_SOURCE_EXAMPLE })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    403: ['SOURCE_TENANT_FORBIDDEN'],
    409: ['SOURCE_NAME_TAKEN'],
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateSourceDto) {
    return this.sources.create(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'The sources you manage, oldest first' })
  @ApiOkResponse({ type: SourcePageView, example: SOURCE_PAGE_EXAMPLE })
  @ApiProblemResponses({ 400: ['VALIDATION_FAILED'] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListSourcesDto) {
    return this.sources.list(principal, query.cursor, query.limit);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One source' })
  @ApiOkResponse({ type: SourceView, example: SOURCE_EXAMPLE })
  @ApiProblemResponses({ 404: ['SOURCE_NOT_FOUND'] })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return sourceView(await this.sources.managed(principal, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change settings of a source (null clears an optional one)' })
  @ApiOkResponse({ type: SourceView, example: SOURCE_EXAMPLE })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    404: ['SOURCE_NOT_FOUND'],
    409: ['SOURCE_NAME_TAKEN'],
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateSourceDto,
  ) {
    return this.sources.update(principal, id, body);
  }
}
