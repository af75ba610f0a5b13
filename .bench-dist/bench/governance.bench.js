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
import { Injectable, Logger, Module } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { ToolCallPipeline } from '../src/modules/tool-calls/tool-call.pipeline.js';
import { sessionPrincipal } from '../src/modules/tool-calls/session-principal.js';
import { Tool } from '../src/modules/tools/tool.decorator.js';
import { ToolRegistry } from '../src/modules/tools/tool.registry.js';
import { activeSession, startBenchApp } from './support/bench-app.js';
import { measure, writeResult } from './support/stats.js';
let EchoInput = class EchoInput {
};
_ts_decorate([
    IsString(),
    MaxLength(64),
    _ts_metadata("design:type", String)
], EchoInput.prototype, "text", void 0);
let EchoTool = class EchoTool {
    execute(input) {
        return {
            echo: input.text
        };
    }
};
EchoTool = _ts_decorate([
    Tool({
        name: 'bench_echo',
        description: 'Returns its input.',
        input: EchoInput,
        roles: [
            'bench'
        ]
    }),
    Injectable()
], EchoTool);
let BenchToolsModule = class BenchToolsModule {
};
BenchToolsModule = _ts_decorate([
    Module({
        providers: [
            EchoTool
        ]
    })
], BenchToolsModule);
const WARM_UP = 200;
const CALLS = 2000;
const CONCURRENCY = [
    1,
    50
];
/**
 * The same trivial tool, called bare (`execute` directly) and through the whole governed pipeline
 * (session lookup, allowlist, validation, idempotency record, audit append, on the real database),
 * at concurrency 1 and 50. The overhead is what governance costs per call.
 */ export async function runGovernanceBench() {
    const bench = await startBenchApp([
        BenchToolsModule
    ]);
    try {
        const { app } = bench;
        const sessionId = await activeSession(app.get(DataSource), [
            'bench_echo'
        ]);
        const sessions = app.get(SessionsService);
        const pipeline = app.get(ToolCallPipeline);
        const tool = app.get(ToolRegistry).get('bench_echo');
        const args = JSON.stringify({
            text: 'hello'
        });
        let callNumber = 0;
        const governed = async ()=>{
            const session = await sessions.find(sessionId);
            const result = await pipeline.run({
                session,
                principal: sessionPrincipal(session),
                toolCallId: `call_${callNumber++}`,
                name: 'bench_echo',
                arguments: args,
                source: 'relay'
            });
            if (result.status !== 'succeeded') throw new Error(`pipeline refused: ${JSON.stringify(result.output)}`);
        };
        const context = benchContext(sessionId);
        const bare = async ()=>tool.handler.execute({
                text: 'hello'
            }, context);
        const runs = [];
        for (const concurrency of CONCURRENCY){
            await measure(WARM_UP, concurrency, governed);
            await measure(WARM_UP, concurrency, bare);
            const bareStats = await measure(CALLS, concurrency, bare);
            const governedStats = await measure(CALLS, concurrency, governed);
            runs.push({
                concurrency,
                bare: bareStats,
                pipeline: governedStats,
                overheadMs: {
                    p50: round(governedStats.p50Ms - bareStats.p50Ms),
                    p95: round(governedStats.p95Ms - bareStats.p95Ms),
                    p99: round(governedStats.p99Ms - bareStats.p99Ms)
                },
                ratioP50: round(governedStats.p50Ms / Math.max(bareStats.p50Ms, 0.001))
            });
        }
        const result = {
            benchmark: 'governance',
            database: bench.database,
            node: process.version,
            calls: CALLS,
            warmUp: WARM_UP,
            target: 'pipeline overhead p99 <= 5 ms at concurrency 1 on PostgreSQL',
            runs,
            at: new Date().toISOString()
        };
        const file = writeResult('governance', result);
        for (const run of runs)console.log(`governance c=${run.concurrency} [${bench.database}]: bare p99 ${run.bare.p99Ms} ms, ` + `pipeline p50/p95/p99 ${run.pipeline.p50Ms}/${run.pipeline.p95Ms}/${run.pipeline.p99Ms} ms, ` + `overhead p99 ${run.overheadMs.p99} ms, ${run.pipeline.opsPerSecond} calls/s`);
        console.log(JSON.stringify({
            file,
            runs: runs.map((r)=>({
                    c: r.concurrency,
                    ...r.overheadMs
                }))
        }));
    } finally{
        await bench.close();
    }
}
function benchContext(sessionId) {
    return {
        principal: {
            kind: 'user',
            id: 'bench-user',
            tenantId: 'bench',
            roles: [
                'bench'
            ]
        },
        tenantId: 'bench',
        sessionId,
        callId: null,
        toolCallId: 'bare',
        idempotencyKey: 'bare',
        signal: new AbortController().signal,
        logger: new Logger('bench')
    };
}
function round(ms) {
    return Math.round(ms * 1000) / 1000;
}

//# sourceMappingURL=governance.bench.js.map