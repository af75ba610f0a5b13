import { Module } from '@nestjs/common';

import { RealtimeModule } from '../realtime/index.js';
import { DemoController } from './demo.controller.js';

/** The demo page's API (`/v1/demo`); `AppModule` imports it only while the demo shop is on. */
@Module({ imports: [RealtimeModule], controllers: [DemoController] })
export class DemoModule {}
