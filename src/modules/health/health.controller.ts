import { Public } from '../../common/auth/auth.decorator.js';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import {
  LIVENESS_EXAMPLE,
  LivenessView,
  READINESS_EXAMPLE,
  ReadinessView,
} from './dto/health.view.js';
import { HealthService } from './health.service.js';
import type { Readiness } from './readiness.js';

@ApiTags('observability')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP' })
  @ApiOkResponse({ type: LivenessView, example: LIVENESS_EXAMPLE })
  @ApiProblemResponses()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: database reachable, pgvector installed, no pending migrations',
  })
  @ApiOkResponse({ type: ReadinessView, example: READINESS_EXAMPLE })
  @ApiServiceUnavailableResponse({
    description: 'Same body with status "unavailable"',
    type: ReadinessView,
    example: { ...READINESS_EXAMPLE, status: 'unavailable', database: 'down', pgvector: null },
  })
  @ApiProblemResponses()
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    const readiness = await this.health.readiness();
    res.status(readiness.status === 'ok' ? 200 : 503);
    return readiness;
  }
}
