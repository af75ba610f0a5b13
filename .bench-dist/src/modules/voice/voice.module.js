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
import { Global, Module } from '@nestjs/common';
import { VoiceCalls } from './voice-calls.js';
import { VoiceEvents } from './voice-events.js';
export class VoiceModule {
    static forAdapter(adapter) {
        return {
            module: VoiceModule,
            imports: [
                adapter.module
            ],
            providers: [
                VoiceEvents,
                {
                    provide: VoiceCalls,
                    useExisting: adapter.calls
                }
            ],
            exports: [
                VoiceCalls,
                VoiceEvents
            ]
        };
    }
}
VoiceModule = _ts_decorate([
    Global(),
    Module({})
], VoiceModule);

//# sourceMappingURL=voice.module.js.map