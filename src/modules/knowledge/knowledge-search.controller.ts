import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SearchKnowledgeDto, StaleQueryDto } from './dto/document.dto.js';
import { KnowledgeEditorAuth, KnowledgeReaderAuth } from './knowledge-auth.decorator.js';
import { KnowledgeSearch } from './knowledge-search.service.js';
import { KnowledgeStale } from './knowledge-stale.service.js';

@ApiTags('knowledge: search')
@Controller('v1/knowledge')
export class KnowledgeSearchController {
  constructor(
    private readonly searching: KnowledgeSearch,
    private readonly stale: KnowledgeStale,
  ) {}

  @Get('search')
  @KnowledgeReaderAuth()
  @ApiOperation({
    summary: 'Hybrid search over the current, permitted knowledge of your tenant and roles',
  })
  @ApiOkResponse({
    schema: {
      example: {
        hits: [
          {
            chunkId: '1042',
            text: 'Damaged items can be returned within 60 days.',
            score: 0.032,
            citation: {
              sourceId: 'src_…',
              documentId: 'doc_…',
              version: 2,
              title: 'Returns',
              headingPath: ['Returns', 'Damaged items'],
              page: null,
              updatedAt: '2026-11-30T10:00:00.000Z',
              reviewOverdue: false,
            },
          },
        ],
      },
    },
  })
  @ApiProblemResponses(400, 503)
  search(@CurrentPrincipal() principal: Principal, @Query() query: SearchKnowledgeDto) {
    return this.searching.search(principal, query.q, query.k);
  }

  @Get('stale')
  @KnowledgeEditorAuth()
  @ApiOperation({ summary: 'Current text that is stale, or becomes stale within withinDays' })
  @ApiOkResponse()
  @ApiProblemResponses(400)
  staleList(@CurrentPrincipal() principal: Principal, @Query() query: StaleQueryDto) {
    return this.stale.report(principal, query.withinDays);
  }
}
