import { Module } from '@nestjs/common';
import OpenAI from 'openai';

import { OpenAIEndpoint } from './openai-endpoint.js';
import { openAIEndpointProvider } from './openai-endpoint.provider.js';
import { RealtimeEventBus } from './realtime-event-bus.js';
import { SidebandConnections } from './sideband-connections.js';
import { SidebandTags } from './sideband-tags.js';

/**
 * Switchboard's side of the OpenAI Realtime API: the endpoint (real or simulated) and the official
 * SDK client pointed at it. Calls, client secrets and sideband sockets build on these.
 */
@Module({
  exports: [OpenAI, OpenAIEndpoint, RealtimeEventBus, SidebandConnections, SidebandTags],
  providers: [
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
