import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';

import { VoiceCalls } from './voice-calls.js';
import { VoiceEvents } from './voice-events.js';

/** A voice API's adapter: its module, and the class of it that implements `VoiceCalls`. */
export interface VoiceAdapter {
  readonly module: Type;
  readonly calls: Type<VoiceCalls>;
}

/**
 * Binds the voice port for the whole app to the adapter it runs with. Governance modules inject
 * `VoiceCalls` and `VoiceEvents` without importing the adapter, and see nothing else of it. (The
 * adapter's `VoiceConversation` is bound by the live-calls module, which holds its call state.)
 */
@Global()
@Module({})
export class VoiceModule {
  static forAdapter(adapter: VoiceAdapter): DynamicModule {
    return {
      module: VoiceModule,
      imports: [adapter.module],
      providers: [VoiceEvents, { provide: VoiceCalls, useExisting: adapter.calls }],
      exports: [VoiceCalls, VoiceEvents],
    };
  }
}
