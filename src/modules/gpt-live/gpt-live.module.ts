import { Module } from '@nestjs/common';

import { RealtimeModule } from '../realtime/index.js';
import { LiveCalls } from './live-calls.js';
import { LiveEventBus } from './live-event-bus.js';
import { LiveSidebands } from './live-sidebands.js';

/**
 * Switchboard's side of OpenAI's GPT-Live API, the second adapter behind the voice port: sessions
 * (`LiveCalls`, bound as the `VoiceCalls` of Live sessions in `app.module.ts`) and their trusted
 * sidebands. It uses the OpenAI client and endpoint of the realtime module (one key, one base URL).
 */
@Module({
  exports: [LiveCalls, LiveEventBus, LiveSidebands],
  imports: [RealtimeModule],
  providers: [LiveCalls, LiveEventBus, LiveSidebands],
})
export class GptLiveModule {}
