import { Injectable, Logger, Module } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';

import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { ToolCallPipeline } from '../src/modules/tool-calls/tool-call.pipeline.js';
import { sessionPrincipal } from '../src/modules/tool-calls/session-principal.js';
import { Tool } from '../src/modules/tools/tool.decorator.js';
import type { ToolContext, ToolHandler } from '../src/modules/tools/tool-options.js';
import { ToolRegistry } from '../src/modules/tools/tool.registry.js';
import { activeSession, startBenchApp } from './support/bench-app.js';
import { measure, writeResult } from './support/stats.js';

class EchoInput {
  @IsString()
  @MaxLength(64)
  text!: string;
}

@Tool({ name: 'bench_echo', description: 'Returns its input.', input: EchoInput, roles: ['bench'] })
@Injectable()
class EchoTool implements ToolHandler<EchoInput, { echo: string }> {
  execute(input: EchoInput) {
    return { echo: input.text };
  }
}

@Module({ providers: [EchoTool] })
class BenchToolsModule {}

const WARM_UP = 200;
const CALLS = 2000;
const CONCURRENCY = [1, 50];

/**
 * The same trivial tool, called bare (`execute` directly) and through the whole governed pipeline
 * (session lookup, allowlist, validation, idempotency record, audit append, on the real database),
 * at concurrency 1 and 50. The overhead is what governance costs per call.
 */
export async function runGovernanceBench(): Promise<void> {
  const bench = await startBenchApp([BenchToolsModule]);
  try {
    const { app } = bench;
    const sessionId = await activeSession(app.get(DataSource), ['bench_echo']);
    const sessions = app.get(SessionsService);
    const pipeline = app.get(ToolCallPipeline);
    const tool = app.get(ToolRegistry).get('bench_echo')!;
    const args = JSON.stringify({ text: 'hello' });
    let callNumber = 0;
    const governed = async () => {
      const session = (await sessions.find(sessionId))!;
      const result = await pipeline.run({
        session,
        principal: sessionPrincipal(session),
        toolCallId: `call_${callNumber++}`,
        name: 'bench_echo',
        arguments: args,
        source: 'relay',
      });
      if (result.status !== 'succeeded')
        throw new Error(`pipeline refused: ${JSON.stringify(result.output)}`);
    };
    const context = benchContext(sessionId);
    const bare = async () => tool.handler.execute({ text: 'hello' }, context);
    const runs = [];
    for (const concurrency of CONCURRENCY) {
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
          p99: round(governedStats.p99Ms - bareStats.p99Ms),
        },
        ratioP50: round(governedStats.p50Ms / Math.max(bareStats.p50Ms, 0.001)),
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
      at: new Date().toISOString(),
    };
    const file = writeResult('governance', result);
    for (const run of runs)
      console.log(
        `governance c=${run.concurrency} [${bench.database}]: bare p99 ${run.bare.p99Ms} ms, ` +
          `pipeline p50/p95/p99 ${run.pipeline.p50Ms}/${run.pipeline.p95Ms}/${run.pipeline.p99Ms} ms, ` +
          `overhead p99 ${run.overheadMs.p99} ms, ${run.pipeline.opsPerSecond} calls/s`,
      );
    console.log(
      JSON.stringify({ file, runs: runs.map((r) => ({ c: r.concurrency, ...r.overheadMs })) }),
    );
  } finally {
    await bench.close();
  }
}

function benchContext(sessionId: string): ToolContext {
  return {
    principal: { kind: 'user', id: 'bench-user', tenantId: 'bench', roles: ['bench'] },
    tenantId: 'bench',
    sessionId,
    callId: null,
    toolCallId: 'bare',
    idempotencyKey: 'bare',
    signal: new AbortController().signal,
    logger: new Logger('bench'),
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
