function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SearchKnowledgeDto, StaleQueryDto } from './dto/document.dto.js';
import { KnowledgeEditorAuth, KnowledgeReaderAuth } from './knowledge-auth.decorator.js';
import { KnowledgeSearch } from './knowledge-search.service.js';
import { KnowledgeStale } from './knowledge-stale.service.js';
export class KnowledgeSearchController {
    constructor(searching, stale){
        this.searching = searching;
        this.stale = stale;
    }
    search(principal, query) {
        return this.searching.search(principal, query.q, query.k);
    }
    staleList(principal, query) {
        return this.stale.report(principal, query.withinDays);
    }
}
_ts_decorate([
    Get('search'),
    KnowledgeReaderAuth(),
    ApiOperation({
        summary: 'Hybrid search over the current, permitted knowledge of your tenant and roles'
    }),
    ApiOkResponse({
        schema: {
            example: {
                hits: [
                    {
                        text: 'Damaged items can be returned within 60 days.',
                        score: 0.032,
                        citation: {
                            sourceId: 'src_…',
                            documentId: 'doc_…',
                            version: 2,
                            title: 'Returns',
                            headingPath: [
                                'Returns',
                                'Damaged items'
                            ],
                            page: null,
                            updatedAt: '2026-11-30T10:00:00.000Z',
                            reviewOverdue: false
                        }
                    }
                ]
            }
        }
    }),
    ApiProblemResponses(400, 503),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof SearchKnowledgeDto === "undefined" ? Object : SearchKnowledgeDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeSearchController.prototype, "search", null);
_ts_decorate([
    Get('stale'),
    KnowledgeEditorAuth(),
    ApiOperation({
        summary: 'Current text that is stale, or becomes stale within withinDays'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof StaleQueryDto === "undefined" ? Object : StaleQueryDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeSearchController.prototype, "staleList", null);
KnowledgeSearchController = _ts_decorate([
    ApiTags('knowledge: search'),
    Controller('v1/knowledge'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof KnowledgeSearch === "undefined" ? Object : KnowledgeSearch,
        typeof KnowledgeStale === "undefined" ? Object : KnowledgeStale
    ])
], KnowledgeSearchController);

//# sourceMappingURL=knowledge-search.controller.js.map