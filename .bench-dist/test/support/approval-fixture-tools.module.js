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
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Tool } from '../../src/modules/tools/tool.decorator.js';
/**
 * Test-only tools for the approvals suite, each with one approval or rollback policy, granted only
 * to `APPROVALS_FIXTURE_ROLE` so no demo role sees them. Every execution and compensation is
 * recorded in memory (the arrays below), keyed by the idempotency key the pipeline or the worker
 * passed (`act_…` for an approved action, `tc_…` for a direct call), so a test can prove that
 * something ran exactly once, or never.
 */ export const APPROVALS_FIXTURE_ROLE = 'approvals_fixture';
export class FixtureActionInput {
}
_ts_decorate([
    IsString(),
    MinLength(1),
    MaxLength(80),
    _ts_metadata("design:type", String)
], FixtureActionInput.prototype, "note", void 0);
_ts_decorate([
    IsOptional(),
    IsString(),
    MaxLength(40),
    _ts_metadata("design:type", String)
], FixtureActionInput.prototype, "pin", void 0);
_ts_decorate([
    IsOptional(),
    IsBoolean(),
    _ts_metadata("design:type", Boolean)
], FixtureActionInput.prototype, "viaApproval", void 0);
/** Every execution of a fixture tool, in order. */ export const fixtureExecutions = [];
/** Every compensation (rollback) of a fixture tool, in order. */ export const fixtureCompensations = [];
export const executionsFor = (key)=>fixtureExecutions.filter((run)=>run.key === key);
export const compensationsFor = (key)=>fixtureCompensations.filter((run)=>run.key === key);
function runOf(tool, input, ctx) {
    return {
        tool,
        key: ctx.idempotencyKey,
        toolCallId: ctx.toolCallId,
        sessionId: ctx.sessionId,
        principalId: ctx.principal.id,
        note: input.note,
        at: Date.now()
    };
}
function execute(tool, input, ctx) {
    fixtureExecutions.push(runOf(tool, input, ctx));
    return {
        done: true,
        tool,
        note: input.note,
        run: fixtureExecutions.length
    };
}
function compensate(tool, input, result, ctx) {
    // The rollback's idempotency key is `<id>:rollback`; record it under the action's own id.
    const run = runOf(tool, input, ctx);
    fixtureCompensations.push({
        ...run,
        key: run.key.replace(/:rollback$/, ''),
        result
    });
    return {
        undone: true
    };
}
export class SimpleApprovalTool {
    execute(input, ctx) {
        return execute('fx_simple_approval', input, ctx);
    }
}
SimpleApprovalTool = _ts_decorate([
    Tool({
        name: 'fx_simple_approval',
        description: 'Fixture: always waits for one approver.',
        input: FixtureActionInput,
        roles: [
            APPROVALS_FIXTURE_ROLE
        ],
        approval: true,
        redact: [
            'pin'
        ]
    }),
    Injectable()
], SimpleApprovalTool);
export class FourEyesTool {
    execute(input, ctx) {
        return execute('fx_four_eyes', input, ctx);
    }
}
FourEyesTool = _ts_decorate([
    Tool({
        name: 'fx_four_eyes',
        description: 'Fixture: needs two distinct approvers.',
        input: FixtureActionInput,
        roles: [
            APPROVALS_FIXTURE_ROLE
        ],
        approval: {
            approvers: 2
        }
    }),
    Injectable()
], FourEyesTool);
export class ExpireRejectTool {
    execute(input, ctx) {
        return execute('fx_expire_reject', input, ctx);
    }
}
ExpireRejectTool = _ts_decorate([
    Tool({
        name: 'fx_expire_reject',
        description: 'Fixture: expires after a second, then counts as rejected.',
        input: FixtureActionInput,
        roles: [
            APPROVALS_FIXTURE_ROLE
        ],
        approval: {
            expiresInSeconds: 1,
            onTimeout: 'reject'
        }
    }),
    Injectable()
], ExpireRejectTool);
export class ExpireEscalateTool {
    execute(input, ctx) {
        return execute('fx_expire_escalate', input, ctx);
    }
}
ExpireEscalateTool = _ts_decorate([
    Tool({
        name: 'fx_expire_escalate',
        description: 'Fixture: escalates to supervisors after a second.',
        input: FixtureActionInput,
        roles: [
            APPROVALS_FIXTURE_ROLE
        ],
        approval: {
            expiresInSeconds: 1,
            onTimeout: 'escalate',
            escalateTo: [
                'supervisor'
            ]
        }
    }),
    Injectable()
], ExpireEscalateTool);
export class IrreversibleTool {
    execute(input, ctx) {
        return execute('fx_irreversible', input, ctx);
    }
}
IrreversibleTool = _ts_decorate([
    Tool({
        name: 'fx_irreversible',
        description: 'Fixture: approved, then impossible to roll back.',
        input: FixtureActionInput,
        roles: [
            APPROVALS_FIXTURE_ROLE
        ],
        approval: true,
        reversibility: 'irreversible'
    }),
    Injectable()
], IrreversibleTool);
export class GuardedRollbackTool {
    execute(input, ctx) {
        return execute('fx_guarded_rollback', input, ctx);
    }
    compensate(input, result, ctx) {
        return compensate('fx_guarded_rollback', input, result, ctx);
    }
}
GuardedRollbackTool = _ts_decorate([
    Tool({
        name: 'fx_guarded_rollback',
        description: 'Fixture: undoing it needs two people.',
        input: FixtureActionInput,
        roles: [
            APPROVALS_FIXTURE_ROLE
        ],
        approval: {
            when: (input)=>input.viaApproval === true
        },
        reversibility: 'compensable',
        rollbackApproval: true
    }),
    Injectable()
], GuardedRollbackTool);
export class ApprovalFixtureToolsModule {
}
ApprovalFixtureToolsModule = _ts_decorate([
    Module({
        providers: [
            SimpleApprovalTool,
            FourEyesTool,
            ExpireRejectTool,
            ExpireEscalateTool,
            IrreversibleTool,
            GuardedRollbackTool
        ]
    })
], ApprovalFixtureToolsModule);

//# sourceMappingURL=approval-fixture-tools.module.js.map