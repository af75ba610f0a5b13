import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { CreateSourceDto, ListSourcesDto, UpdateSourceDto } from './dto/source.dto.js';
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
  @ApiCreatedResponse({ schema: { example: { id: 'src_…' } } })
  @ApiProblemResponses(400, 409)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateSourceDto) {
    return this.sources.create(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'The sources you manage, oldest first' })
  @ApiOkResponse()
  @ApiProblemResponses(400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListSourcesDto) {
    return this.sources.list(principal, query.cursor, query.limit);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One source' })
  @ApiOkResponse()
  @ApiProblemResponses(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return sourceView(await this.sources.managed(principal, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change settings of a source (null clears an optional one)' })
  @ApiOkResponse()
  @ApiProblemResponses(400, 404, 409)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateSourceDto,
  ) {
    return this.sources.update(principal, id, body);
  }
}
