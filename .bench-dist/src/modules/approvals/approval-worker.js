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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error.js';
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/index.js';
import { SessionsService } from '../sessions/index.js';
import { ToolFailedError, ToolRegistry, ToolRunner } from '../tools/index.js';
import { ActionDelivery } from './action-delivery.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalSweeper } from './approval-sweeper.js';
import { requesterPrincipal } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';
export class ApprovalWorker {
    constructor(dataSource, actions, config, registry, sessions, audit, events, delivery, sweeper, runner){
        this.dataSource = dataSource;
        this.actions = actions;
        this.config = config;
        this.registry = registry;
        this.sessions = sessions;
        this.audit = audit;
        this.events = events;
        this.delivery = delivery;
        this.sweeper = sweeper;
        this.runner = runner;
        this.logger = new Logger(ApprovalWorker.name);
        this.workerId = newId('wrk');
        this.again = false;
        this.stopped = false;
    }
    onApplicationBootstrap() {
        this.timer = setInterval(()=>this.kick(), this.config.approvals.pollMs);
        this.timer.unref();
        this.kick();
    }
    async beforeApplicationShutdown() {
        this.stopped = true;
        clearInterval(this.timer);
        await this.running;
    }
    /** Runs a pass now (or right after the current one). */ kick() {
        if (this.stopped) return;
        if (this.running) {
            this.again = true;
            return;
        }
        this.running = this.pass().finally(()=>{
            this.running = undefined;
        });
    }
    async pass() {
        try {
            do {
                this.again = false;
                await this.sweeper.sweep();
                while(!this.stopped && await this.claimAndRun());
            }while (this.again && !this.stopped)
        } catch (error) {
            this.logger.error({
                err: error.message
            }, 'Approval worker pass failed');
        }
    }
    async claimAndRun() {
        const claimed = await this.claim();
        if (!claimed) return false;
        await this.run(claimed);
        return true;
    }
    async claim() {
        const grace = this.config.approvals.leaseGraceSeconds;
        return this.dataSource.transaction(async (tx)=>{
            const row = await this.actions.lockNextApproved(tx);
            if (!row) return undefined;
            const timeoutSeconds = (this.registry.get(row.tool)?.timeoutMs ?? 10_000) / 1000;
            return this.actions.claim(row.id, this.workerId, timeoutSeconds + grace, tx);
        });
    }
    async run(action) {
        const started = performance.now();
        let outcome;
        try {
            outcome = {
                status: 'executed',
                result: await this.execute(action) ?? null
            };
        } catch (thrown) {
            if (!(thrown instanceof DomainError)) this.logger.error({
                actionId: action.id,
                err: thrown?.message
            }, 'An approved action failed');
            outcome = {
                status: 'failed',
                error: asDomainError(thrown, action.tool)
            };
        }
        if (!await this.record(action, outcome, Math.round(performance.now() - started))) {
            this.logger.warn({
                actionId: action.id
            }, 'Lost the claim on an action while executing it');
            return;
        }
        await this.events.publish({
            type: 'action.settled',
            actionId: action.id,
            tool: action.tool,
            status: outcome.status,
            tenantId: action.tenant_id
        });
        await this.delivery.deliver(action.id);
    }
    /** The outcome and its audit entry, together, only while this worker still holds the claim. */ record(action, outcome, durationMs) {
        const failed = outcome.status === 'failed';
        return this.dataSource.transaction(async (tx)=>{
            if (!await this.actions.recordOutcome(action.id, this.workerId, outcome, tx)) return false;
            await this.audit.append({
                actor: 'system',
                action: failed ? 'action.failed' : 'action.executed',
                subject: action.id,
                data: {
                    tool: action.tool,
                    attempt: action.attempts,
                    durationMs,
                    ...failed ? {
                        code: outcome.error.code
                    } : {}
                }
            }, tx);
            return true;
        });
    }
    async execute(action) {
        const tool = this.registry.get(action.tool);
        if (!tool) throw new Error(`tool ${action.tool} is no longer registered`);
        // The DTO may have changed since the call was queued: the stored arguments are checked again.
        const input = await this.runner.storedInput(tool, action.arguments);
        const session = await this.sessions.find(action.session_id);
        return this.runner.run(tool, input, {
            principal: requesterPrincipal(action),
            sessionId: action.session_id,
            callId: session?.callId ?? null,
            toolCallId: action.tool_call_id,
            idempotencyKey: action.id
        });
    }
}
ApprovalWorker = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof PendingActionsRepository === "undefined" ? Object : PendingActionsRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof ApprovalEvents === "undefined" ? Object : ApprovalEvents,
        typeof ActionDelivery === "undefined" ? Object : ActionDelivery,
        typeof ApprovalSweeper === "undefined" ? Object : ApprovalSweeper,
        typeof ToolRunner === "undefined" ? Object : ToolRunner
    ])
], ApprovalWorker);
/** The runner's typed errors pass through; anything else (a tool gone from the registry) is generic. */ function asDomainError(thrown, tool) {
    return thrown instanceof DomainError ? thrown : new ToolFailedError(tool);
}

//# sourceMappingURL=approval-worker.js.map