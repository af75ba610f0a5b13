import { Module } from '@nestjs/common';

import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics.registry.js';

/** Exports the registry; `app.factory.ts` mounts the timing middleware in front of every route. */
@Module({
  controllers: [MetricsController],
  exports: [MetricsRegistry],
  providers: [{ provide: MetricsRegistry, useFactory: () => new MetricsRegistry() }],
})
export class MetricsModule {}
