function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
import { Module } from '@nestjs/common';
import OpenAI from 'openai';
import { OpenAIEndpoint } from './openai-endpoint.js';
import { openAIEndpointProvider } from './openai-endpoint.provider.js';
import { RealtimeCalls } from './realtime-calls.js';
import { RealtimeEventBus } from './realtime-event-bus.js';
import { SidebandConnections } from './sideband-connections.js';
import { SidebandTags } from './sideband-tags.js';
export class RealtimeModule {
}
RealtimeModule = _ts_decorate([
    Module({
        exports: [
            OpenAI,
            OpenAIEndpoint,
            RealtimeEventBus,
            SidebandConnections,
            SidebandTags,
            RealtimeCalls
        ],
        providers: [
            RealtimeCalls,
            RealtimeEventBus,
            SidebandConnections,
            SidebandTags,
            openAIEndpointProvider,
            {
                provide: OpenAI,
                inject: [
                    OpenAIEndpoint
                ],
                useFactory: (endpoint)=>new OpenAI({
                        apiKey: endpoint.apiKey,
                        baseURL: endpoint.baseUrl,
                        maxRetries: 2
                    })
            }
        ]
    })
], RealtimeModule);

//# sourceMappingURL=realtime.module.js.map