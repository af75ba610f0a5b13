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
import { createHash } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { actorOf } from '../../common/auth/principal.js';
import { DomainError } from '../../common/errors/domain.error.js';
import { AuditLog } from '../audit/index.js';
import { argumentsDigest, needsApproval, parseToolArguments, redactInput, ToolFailedError, ToolRunner } from '../tools/index.js';
import { ApprovalGate } from '../approvals/index.js';
import { replayRecorded } from './tool-call-replay.js';
import { rateLimitedError, rateWindows, ToolCallPolicy } from './tool-call.policy.js';
import { RateWindowFull, ToolCallsRepository } from './tool-calls.repository.js';
import { ApprovalUnavailableError, InvalidToolArgumentsError } from './tool-calls.errors.js';
import { errorOutput } from './tool-output.js';
export class ToolCallPipeline {
    constructor(policy, toolCalls, audit, runner, approvals){
        this.policy = policy;
        this.toolCalls = toolCalls;
        this.audit = audit;
        this.runner = runner;
        this.approvals = approvals;
        this.logger = new Logger(ToolCallPipeline.name);
    }
    async run(request) {
        try {
            if (!CALL_ID.test(request.toolCallId)) throw new InvalidToolArgumentsError(printable(request.name), [
                {
                    pointer: '',
                    detail: 'call_id must be 1-128 printable ASCII characters'
                }
            ]);
            const tool = await this.policy.admit(request);
            const parsed = await parseToolArguments(tool.input, request.arguments);
            if (!parsed.ok) throw new InvalidToolArgumentsError(tool.name, parsed.errors);
            const digest = argumentsDigest(tool.name, parsed.plain);
            const claim = await this.toolCalls.claim({
                sessionId: request.session.id,
                toolCallId: request.toolCallId,
                tool: tool.name,
                userId: request.principal.id,
                tenantId: request.principal.tenantId,
                digest,
                arguments: parsed.plain,
                limits: rateWindows(tool)
            });
            if (!claim.claimed) return await replayRecorded(this.toolCalls, claim.existing, digest, tool);
            return await this.runClaimed(request, tool, parsed.input, parsed.plain, claim.id);
        } catch (error) {
            if (error instanceof RateWindowFull) return this.refuse(request, rateLimitedError(request.name, error.window));
            if (error instanceof DomainError) return this.refuse(request, error);
            throw error;
        }
    }
    /** The call is ours to run: hand it to the approval gate or execute it. */ async runClaimed(request, tool, input, plain, rowId) {
        const redacted = redactInput(plain, tool.redact);
        try {
            if (needsApproval(tool, input, request.principal)) return await this.submitForApproval(request, tool, input, plain, rowId, redacted);
        } catch (thrown) {
            // Never leave the claim `running`: retries would wait for an outcome that never comes.
            const error = thrown instanceof DomainError ? thrown : new ToolFailedError(tool.name);
            if (!(thrown instanceof DomainError)) this.logger.error({
                tool: tool.name,
                err: thrown?.message
            }, 'Approval hand-over failed');
            await this.toolCalls.finish(rowId, 'failed', errorOutput(error), 0, error.status);
            throw thrown;
        }
        return this.execute(request, tool, input, rowId, redacted);
    }
    async submitForApproval(request, tool, input, plain, rowId, redacted) {
        if (!this.approvals) throw new ApprovalUnavailableError(tool.name);
        const receipt = await this.approvals.submit({
            tool,
            input,
            arguments: plain,
            principal: request.principal,
            session: request.session,
            toolCallId: request.toolCallId
        });
        const output = {
            ok: true,
            status: 'pending_approval',
            ...receipt
        };
        await this.toolCalls.finish(rowId, 'pending_approval', output, 0);
        await this.record(request, 'tool.approval_requested', tool.name, {
            input: redacted,
            actionId: receipt.actionId
        });
        return {
            status: 'pending_approval',
            output,
            actionId: receipt.actionId,
            replayed: false
        };
    }
    /**
   * Runs the tool. Only the tool's own failure is a failed call: once it succeeded, the outcome is
   * stored as succeeded even if writing the audit entry fails afterwards (that error propagates).
   */ async execute(request, tool, input, rowId, redacted) {
        const started = performance.now();
        let result;
        try {
            result = await this.runner.run(tool, input, {
                principal: request.principal,
                sessionId: request.session.id,
                callId: request.session.callId,
                toolCallId: request.toolCallId,
                idempotencyKey: rowId
            });
        } catch (thrown) {
            const error = thrown;
            const durationMs = elapsed(started);
            await this.toolCalls.finish(rowId, 'failed', errorOutput(error), durationMs, error.status);
            await this.record(request, 'tool.failed', tool.name, {
                input: redacted,
                durationMs,
                code: error.code
            });
            const output = errorOutput(error);
            return {
                status: 'failed',
                output,
                actionId: rowId,
                replayed: false,
                error
            };
        }
        const output = {
            ok: true,
            result: result ?? null
        };
        const durationMs = elapsed(started);
        await this.toolCalls.finish(rowId, 'succeeded', output, durationMs);
        await this.record(request, 'tool.executed', tool.name, {
            actionId: rowId,
            input: redacted,
            durationMs,
            outputDigest: sha256(JSON.stringify(output))
        });
        return {
            status: 'succeeded',
            output,
            actionId: rowId,
            replayed: false
        };
    }
    async refuse(request, error, input) {
        await this.record(request, 'tool.refused', request.name, {
            code: error.code,
            ...input === undefined ? {
                argumentsBytes: Buffer.byteLength(request.arguments)
            } : {
                input
            }
        });
        return {
            status: 'refused',
            output: errorOutput(error),
            replayed: false,
            error
        };
    }
    record(request, action, tool, data) {
        return this.audit.append({
            actor: actorOf(request.principal),
            action,
            subject: request.session.id,
            data: {
                tool: printable(tool),
                toolCallId: printable(request.toolCallId),
                source: request.source,
                ...data
            }
        });
    }
}
ToolCallPipeline = _ts_decorate([
    Injectable(),
    _ts_param(4, Optional()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolCallPolicy === "undefined" ? Object : ToolCallPolicy,
        typeof ToolCallsRepository === "undefined" ? Object : ToolCallsRepository,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof ToolRunner === "undefined" ? Object : ToolRunner,
        typeof ApprovalGate === "undefined" ? Object : ApprovalGate
    ])
], ToolCallPipeline);
function sha256(text) {
    return createHash('sha256').update(text).digest('hex');
}
function elapsed(started) {
    return Math.round(performance.now() - started);
}
const CALL_ID = /^[\x21-\x7e]{1,128}$/;
/** Model-chosen names and ids, made safe to store and log (they may be anything). */ function printable(text) {
    return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 128);
}

//# sourceMappingURL=tool-call.pipeline.js.map