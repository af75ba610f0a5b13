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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
import { Injectable, Module } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { Tool } from '../../src/modules/tools/tool.decorator.js';
/** The role that may call the fixture tools; no demo role has it, so demo listings stay as shipped. */ export const FIXTURE_ROLE = 'fixture_runner';
export const SLOW_TOOL_TIMEOUT_MS = 200;
export class SlowToolInput {
}
_ts_decorate([
    IsString(),
    MaxLength(40),
    _ts_metadata("design:type", String)
], SlowToolInput.prototype, "topic", void 0);
export class SlowTool {
    async execute(_input, ctx) {
        const run = {
            toolCallId: ctx.toolCallId,
            startedAt: Date.now()
        };
        this.runs.push(run);
        await new Promise((resolve)=>{
            const timer = setTimeout(()=>{
                run.signalAborted = ctx.signal.aborted;
                resolve();
            }, 30_000);
            ctx.signal.addEventListener('abort', ()=>{
                clearTimeout(timer);
                run.abortedAt = Date.now();
                run.signalAborted = ctx.signal.aborted;
                run.abortReason = String(ctx.signal.reason?.name);
                resolve();
            }, {
                once: true
            });
        });
        return {
            done: true
        };
    }
    constructor(){
        this.runs = [];
    }
}
SlowTool = _ts_decorate([
    Tool({
        name: 'slow_tool',
        description: 'A fixture tool that takes far longer than its timeout.',
        input: SlowToolInput,
        roles: [
            FIXTURE_ROLE
        ],
        timeoutMs: SLOW_TOOL_TIMEOUT_MS
    }),
    Injectable()
], SlowTool);
export class FixtureToolsModule {
}
FixtureToolsModule = _ts_decorate([
    Module({
        providers: [
            SlowTool
        ]
    })
], FixtureToolsModule);

//# sourceMappingURL=fixture-tools.module.js.map