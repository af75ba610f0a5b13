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
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
export class ActionDecisionsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async insert(decision, tx) {
        await tx.query(`INSERT INTO action_decisions (action_id, approver, decision, comment, digest) VALUES ($1, $2, $3, $4, $5)`, [
            decision.actionId,
            decision.approver,
            decision.decision,
            decision.comment,
            decision.digest
        ]);
    }
    /** What `approver` decided on the action earlier, if anything. */ async decisionOf(actionId, approver, tx) {
        const [previous] = await tx.query(`SELECT decision FROM action_decisions WHERE action_id = $1 AND approver = $2`, [
            actionId,
            approver
        ]);
        return previous?.decision;
    }
    /** Distinct approvers who approved the action so far (one row each). */ async countApprovals(actionId, tx) {
        const [{ approvals }] = await tx.query(`SELECT count(*)::int AS approvals FROM action_decisions WHERE action_id = $1 AND decision = 'approve'`, [
            actionId
        ]);
        return approvals;
    }
    /** The decisions on one action, in the order they were taken. */ async forAction(actionId) {
        return await this.dataSource.query(`SELECT approver, decision, comment, at FROM action_decisions WHERE action_id = $1 ORDER BY at`, [
            actionId
        ]);
    }
    /** The decisions on several actions, in the order they were taken, each with its action. */ async forActions(actionIds) {
        return await this.dataSource.query(`SELECT action_id, approver, decision, comment, at FROM action_decisions
       WHERE action_id = ANY($1::text[]) ORDER BY at`, [
            actionIds
        ]);
    }
}
ActionDecisionsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], ActionDecisionsRepository);

//# sourceMappingURL=action-decisions.repository.js.map