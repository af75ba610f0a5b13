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
import { Public } from '../../common/auth/auth.decorator.js';
import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { MetricsRegistry } from './metrics.registry.js';
export class MetricsController {
    constructor(metrics){
        this.metrics = metrics;
    }
    async scrape() {
        return this.metrics.metrics();
    }
}
_ts_decorate([
    Get(),
    Header('Cache-Control', 'no-store'),
    Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE),
    ApiOperation({
        summary: 'Prometheus metrics (text exposition format)'
    }),
    ApiOkResponse({
        description: 'Metrics in Prometheus text format',
        content: {
            'text/plain': {}
        }
    }),
    ApiProblemResponses(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], MetricsController.prototype, "scrape", null);
MetricsController = _ts_decorate([
    ApiTags('observability'),
    Public(),
    Controller('metrics'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof MetricsRegistry === "undefined" ? Object : MetricsRegistry
    ])
], MetricsController);

//# sourceMappingURL=metrics.controller.js.map