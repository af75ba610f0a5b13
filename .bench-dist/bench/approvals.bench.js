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
import { IsInt } from 'class-validator';
import { DataSource } from 'typeorm';
import { verifyBundle } from '../src/audit-bundle/verify-bundle.js';
import { ApprovalDecisions } from '../src/modules/approvals/approval-decisions.js';
import { ApprovalQueue } from '../src/modules/approvals/approval-queue.js';
import { ApprovalWorker } from '../src/modules/approvals/approval-worker.js';
import { AuditExport } from '../src/modules/audit/audit-export.js';
import { AuditLog } from '../src/modules/audit/audit-log.service.js';
import { AuditSigner } from '../src/modules/audit/audit-signer.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { Tool } from '../src/modules/tools/tool.decorator.js';
import { ToolRegistry } from '../src/modules/tools/tool.registry.js';
import { activeSession, startBenchApp } from './support/bench-app.js';
import { distribution, measure, writeResult } from './support/stats.js';
let CountInput = class CountInput {
};
_ts_decorate([
    IsInt(),
    _ts_metadata("design:type", Number)
], CountInput.prototype, "n", void 0);
/** When each action's execution started, by its argument. */ const started = new Map();
let ApprovedTool = class ApprovedTool {
    execute(input) {
        started.set(input.n, performance.now());
        return {
            n: input.n
        };
    }
};
ApprovedTool = _ts_decorate([
    Tool({
        name: 'bench_approved',
        description: 'Needs approval; records when it runs.',
        input: CountInput,
        roles: [
            'bench'
        ],
        approval: true
    }),
    Injectable()
], ApprovedTool);
let BenchApprovalTools = class BenchApprovalTools {
};
BenchApprovalTools = _ts_decorate([
    Module({
        providers: [
            ApprovedTool
        ]
    })
], BenchApprovalTools);
const LATENCY_SAMPLES = 300;
const THROUGHPUT_ACTIONS = 1000;
const AUDIT_APPENDS = 2000;
const APPROVER = {
    kind: 'api-key',
    id: 'key_bench',
    tenantId: null,
    roles: [
        'approver'
    ]
};
const REQUESTER = {
    kind: 'user',
    id: 'bench-user',
    tenantId: 'bench',
    roles: [
        'bench'
    ]
};
/**
 * Approval queue and audit trail on the real database:
 * - pickup latency: approve → the worker starts the tool (p50/p95), one at a time;
 * - throughput: 1,000 approved actions executed per second vs a bare SKIP LOCKED claim loop;
 * - audit appends per second, hash-chained vs a plain insert; verification rate (entries/s) of
 *   the chain in the database and of an exported bundle offline.
 */ export async function runApprovalsBench() {
    const bench = await startBenchApp([
        BenchApprovalTools
    ]);
    try {
        const { app } = bench;
        const enqueue = await enqueuer(app);
        const pickup = await pickupLatency(app, enqueue);
        const throughput = await drainThroughput(app, enqueue);
        const audit = await auditRates(app);
        const result = {
            benchmark: 'approvals',
            database: bench.database,
            node: process.version,
            pickupLatency: {
                samples: LATENCY_SAMPLES,
                p50Ms: pickup.p50Ms,
                p95Ms: pickup.p95Ms,
                p99Ms: pickup.p99Ms
            },
            throughput,
            ...audit,
            at: new Date().toISOString()
        };
        const file = writeResult('approvals', result);
        console.log(`approvals [${bench.database}]: pickup p50/p95 ${pickup.p50Ms}/${pickup.p95Ms} ms; ` + `${throughput.executedPerSecond} executed/s vs ${throughput.bareSkipLockedClaimsPerSecond} bare claims/s (×${throughput.ratio}); ` + `audit ${audit.auditAppends.chainedPerSecond} chained vs ${audit.auditAppends.plainPerSecond} plain appends/s (×${audit.auditAppends.ratio}); ` + `verify ${audit.verification.databaseEntriesPerSecond} entries/s (db), ${audit.verification.offlineBundleEntriesPerSecond} (offline)`);
        console.log(JSON.stringify({
            file
        }));
    } finally{
        await bench.close();
    }
}
/** Queues `bench_approved` calls as the pipeline would, in one live session. */ async function enqueuer(app) {
    const dataSource = app.get(DataSource);
    const session = await app.get(SessionsService).find(await activeSession(dataSource, [
        'bench_approved'
    ]));
    const queue = app.get(ApprovalQueue);
    const tool = app.get(ToolRegistry).get('bench_approved');
    let callNumber = 0;
    return async (n)=>(await queue.submit({
            tool,
            input: {
                n
            },
            arguments: {
                n
            },
            principal: REQUESTER,
            session: session,
            toolCallId: `call_${callNumber++}`
        })).actionId;
}
async function pickupLatency(app, enqueue) {
    const queue = app.get(ApprovalQueue);
    const decisions = app.get(ApprovalDecisions);
    const latencies = [];
    for(let n = 0; n < LATENCY_SAMPLES; n++){
        const actionId = await enqueue(n);
        const { row } = await queue.get(actionId);
        const t0 = performance.now();
        await decisions.approve(APPROVER, actionId, row.digest);
        while(!started.has(n))await new Promise((resolve)=>setImmediate(resolve));
        latencies.push(started.get(n) - t0);
    }
    return distribution(latencies, latencies.reduce((a, b)=>a + b, 0));
}
/** A backlog approved at once (one UPDATE), drained by the worker, against a bare claim loop. */ async function drainThroughput(app, enqueue) {
    const dataSource = app.get(DataSource);
    const ids = [];
    for(let n = 0; n < THROUGHPUT_ACTIONS; n++)ids.push(await enqueue(100_000 + n));
    await dataSource.query(`UPDATE pending_actions SET status = 'approved', decided_at = now() WHERE id = ANY($1::text[])`, [
        ids
    ]);
    const drainStart = performance.now();
    app.get(ApprovalWorker).kick();
    for(;;){
        const [{ left }] = await dataSource.query(`SELECT count(*)::int AS left FROM pending_actions WHERE id = ANY($1::text[]) AND status <> 'executed'`, [
            ids
        ]);
        if (left === 0) break;
        await new Promise((resolve)=>setTimeout(resolve, 20));
    }
    const executedPerSecond = Math.round(THROUGHPUT_ACTIONS / (performance.now() - drainStart) * 1000);
    const bareClaimsPerSecond = await bareSkipLockedLoop(dataSource, THROUGHPUT_ACTIONS);
    return {
        actions: THROUGHPUT_ACTIONS,
        executedPerSecond,
        bareSkipLockedClaimsPerSecond: bareClaimsPerSecond,
        ratio: round(executedPerSecond / bareClaimsPerSecond)
    };
}
async function auditRates(app) {
    const dataSource = app.get(DataSource);
    const audit = app.get(AuditLog);
    await dataSource.query(`CREATE TABLE bench_plain_log (id bigserial PRIMARY KEY, actor text, action text, subject text, data jsonb, at timestamptz DEFAULT now())`);
    const chained = await measure(AUDIT_APPENDS, 1, (i)=>audit.append({
            actor: 'system',
            action: 'bench.append',
            subject: `s_${i}`,
            data: {
                i
            }
        }));
    const plain = await measure(AUDIT_APPENDS, 1, (i)=>dataSource.query(`INSERT INTO bench_plain_log (actor, action, subject, data) VALUES ($1, $2, $3, $4)`, [
            'system',
            'bench.append',
            `s_${i}`,
            JSON.stringify({
                i
            })
        ]));
    const verifyStart = performance.now();
    const verification = await audit.verify();
    const verifyMs = performance.now() - verifyStart;
    const lines = [];
    for await (const line of app.get(AuditExport).lines())lines.push(line);
    const offlineStart = performance.now();
    const offline = verifyBundle(lines, app.get(AuditSigner).publicKeyPem);
    const offlineMs = performance.now() - offlineStart;
    if (!verification.ok || !offline.ok) throw new Error('the chain did not verify');
    return {
        auditAppends: {
            appends: AUDIT_APPENDS,
            chainedPerSecond: chained.opsPerSecond,
            plainPerSecond: plain.opsPerSecond,
            ratio: round(chained.opsPerSecond / plain.opsPerSecond),
            chainedP99Ms: chained.p99Ms,
            plainP99Ms: plain.p99Ms
        },
        verification: {
            entries: verification.entries,
            databaseEntriesPerSecond: Math.round(verification.entries / verifyMs * 1000),
            offlineBundleEntriesPerSecond: Math.round(offline.entries / offlineMs * 1000)
        }
    };
}
/** The floor: claiming and completing rows with SKIP LOCKED and nothing else. */ async function bareSkipLockedLoop(dataSource, count) {
    await dataSource.query(`CREATE TABLE bench_jobs (id serial PRIMARY KEY, status text NOT NULL DEFAULT 'ready')`);
    await dataSource.query(`INSERT INTO bench_jobs (status) SELECT 'ready' FROM generate_series(1, $1)`, [
        count
    ]);
    const t0 = performance.now();
    for(;;){
        const claimed = await dataSource.transaction(async (tx)=>{
            const [job] = await tx.query(`SELECT id FROM bench_jobs WHERE status = 'ready' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1`);
            if (!job) return false;
            await tx.query(`UPDATE bench_jobs SET status = 'done' WHERE id = $1`, [
                job.id
            ]);
            return true;
        });
        if (!claimed) break;
    }
    return Math.round(count / (performance.now() - t0) * 1000);
}
function round(value) {
    return Math.round(value * 1000) / 1000;
}

//# sourceMappingURL=approvals.bench.js.map