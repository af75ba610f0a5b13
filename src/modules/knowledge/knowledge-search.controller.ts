import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SearchKnowledgeDto, StaleQueryDto } from './dto/document.dto.js';
import { SEARCH_RESULT_EXAMPLE, SearchResultView } from './dto/search-result.view.js';
import { STALE_REPORT_EXAMPLE, StaleReportView } from './dto/stale-report.view.js';
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
  @ApiOkResponse({ type: SearchResultView, example: SEARCH_RESULT_EXAMPLE })
  @ApiProblemResponses({
    400: ['VALIDATION_FAILED', 'KNOWLEDGE_QUERY_INVALID'],
    503: ['EMBEDDING_MODEL_UNAVAILABLE'],
  })
  search(@CurrentPrincipal() principal: Principal, @Query() query: SearchKnowledgeDto) {
    return this.searching.search(principal, query.q, query.k);
  }

  @Get('stale')
  @KnowledgeEditorAuth()
  @ApiOperation({ summary: 'Current text that is stale, or becomes stale within withinDays' })
  @ApiOkResponse({ type: StaleReportView, example: STALE_REPORT_EXAMPLE })
  @ApiProblemResponses({ 400: ['VALIDATION_FAILED'] })
  staleList(@CurrentPrincipal() principal: Principal, @Query() query: StaleQueryDto) {
    return this.stale.report(principal, query.withinDays);
  }
}
