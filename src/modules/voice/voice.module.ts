import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';

import { VoiceEvents } from './voice-events.js';

/**
 * Binds the voice port for the whole app to the adapter it runs with: the adapter's module must
 * export a `VoiceCalls` provider. Governance modules inject `VoiceCalls` and `VoiceEvents` without
 * importing the adapter. (The adapter's `VoiceConversation` comes with the live-calls module.)
 */
@Global()
@Module({})
export class VoiceModule {
  static forAdapter(adapter: Type): DynamicModule {
    return {
      module: VoiceModule,
      imports: [adapter],
      providers: [VoiceEvents],
      exports: [VoiceEvents, adapter],
    };
  }
}
