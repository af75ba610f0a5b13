import { Public } from '../../common/auth/auth.decorator.js';
import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { MetricsRegistry } from './metrics.registry.js';

@ApiTags('observability')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @ApiOkResponse({
    description: 'Metrics in Prometheus text format',
    content: {
      'text/plain': {
        schema: { type: 'string' },
        example:
          '# HELP switchboard_http_request_duration_seconds HTTP request latency by method, route pattern and status code\n' +
          '# TYPE switchboard_http_request_duration_seconds histogram\n' +
          'switchboard_http_request_duration_seconds_count{method="GET",route="/ready",status="200"} 3\n',
      },
    },
  })
  @ApiProblemResponses()
  async scrape(): Promise<string> {
    return this.metrics.metrics();
  }
}
