import { Module } from '@nestjs/common';
import OpenAI from 'openai';

import { OpenAIEndpoint } from './openai-endpoint.js';
import { openAIEndpointProvider } from './openai-endpoint.provider.js';
import { RealtimeCalls } from './realtime-calls.js';
import { RealtimeEventBus } from './realtime-event-bus.js';
import { SidebandConnections } from './sideband-connections.js';
import { SidebandTags } from './sideband-tags.js';

/**
 * Switchboard's side of the OpenAI Realtime API, the first adapter behind the voice port: the
 * endpoint (real or simulated), the official SDK client pointed at it, calls and client secrets
 * (`RealtimeCalls`, bound as `VoiceCalls` in `app.module.ts`) and the sideband sockets.
 */
@Module({
  exports: [
    OpenAI,
    OpenAIEndpoint,
    RealtimeEventBus,
    SidebandConnections,
    SidebandTags,
    RealtimeCalls,
  ],
  providers: [
    RealtimeCalls,
    RealtimeEventBus,
    SidebandConnections,
    SidebandTags,
    openAIEndpointProvider,
    {
      provide: OpenAI,
      inject: [OpenAIEndpoint],
      useFactory: (endpoint: OpenAIEndpoint) =>
        new OpenAI({ apiKey: endpoint.apiKey, baseURL: endpoint.baseUrl, maxRetries: 2 }),
    },
  ],
})
export class RealtimeModule {}
