import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';

import { LIVE_CALLS, REALTIME_CALLS, VoiceCallRouter } from './voice-call-router.js';
import { VoiceCalls } from './voice-calls.js';
import { VoiceEvents } from './voice-events.js';

/** A voice API's adapter: its module, and the class of it that implements `VoiceCalls`. */
export interface VoiceAdapter {
  readonly module: Type;
  readonly calls: Type<VoiceCalls>;
}

/**
 * Binds the voice port for the whole app to the two adapters, behind one router: governance
 * modules inject `VoiceCalls` and `VoiceEvents` without importing an adapter, and see nothing
 * else of them. (The adapters' `VoiceConversation` halves are routed by the live-calls module,
 * which holds their call state.)
 */
@Global()
@Module({})
export class VoiceModule {
  static forAdapters(adapters: { realtime: VoiceAdapter; live: VoiceAdapter }): DynamicModule {
    return {
      module: VoiceModule,
      imports: [adapters.realtime.module, adapters.live.module],
      providers: [
        VoiceEvents,
        { provide: REALTIME_CALLS, useExisting: adapters.realtime.calls },
        { provide: LIVE_CALLS, useExisting: adapters.live.calls },
        VoiceCallRouter,
        { provide: VoiceCalls, useExisting: VoiceCallRouter },
      ],
      exports: [VoiceCalls, VoiceEvents],
    };
  }
}
