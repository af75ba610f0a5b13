import { Module } from '@nestjs/common';

import { RealtimeModule } from '../realtime/index.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({
  controllers: [HealthController],
  imports: [RealtimeModule],
  providers: [HealthService],
})
export class HealthModule {}
