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
import { AuditLog } from '../audit/index.js';
import { ToolRegistry } from '../tools/index.js';
import { ActionDelivery } from './action-delivery.js';
import { ApprovalEvents } from './approval-events.js';
import { PendingActionsRepository } from './pending-actions.repository.js';
export class ApprovalSweeper {
    constructor(dataSource, actions, audit, events, delivery, registry){
        this.dataSource = dataSource;
        this.actions = actions;
        this.audit = audit;
        this.events = events;
        this.delivery = delivery;
        this.registry = registry;
        this.transitions = [
            {
                action: 'approval.escalated',
                event: 'approval.escalated',
                change: (tx)=>this.actions.escalateOverdue(tx),
                deliver: false
            },
            {
                action: 'approval.expired',
                event: 'approval.decided',
                change: (tx)=>this.actions.expireOverdue(tx),
                deliver: true
            },
            {
                action: 'approval.cancelled',
                event: 'approval.decided',
                change: (tx)=>this.actions.cancelForRevokedSessions(tx),
                deliver: false
            },
            {
                action: 'action.recovered',
                event: 'action.settled',
                change: (tx)=>this.actions.recoverLapsedExecutions(this.idempotentTools(), tx),
                deliver: true
            }
        ];
    }
    async sweep() {
        for (const transition of this.transitions)await this.apply(transition);
    }
    async apply(transition) {
        const changed = await this.dataSource.transaction(async (tx)=>{
            const rows = await transition.change(tx);
            for (const row of rows)await this.audit.append({
                actor: 'system',
                action: transition.action,
                subject: row.id,
                data: {
                    tool: row.tool,
                    status: row.status
                }
            }, tx);
            return rows;
        });
        for (const row of changed){
            await this.events.publish({
                type: transition.event,
                actionId: row.id,
                tool: row.tool,
                status: row.status,
                tenantId: row.tenant_id
            });
            if (transition.deliver && row.status !== 'approved') await this.delivery.deliver(row.id);
        }
    }
    /** Their lapsed executions may run again (with the same idempotency key). */ idempotentTools() {
        return this.registry.all().filter((tool)=>tool.idempotent).map((tool)=>tool.name);
    }
}
ApprovalSweeper = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof PendingActionsRepository === "undefined" ? Object : PendingActionsRepository,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof ApprovalEvents === "undefined" ? Object : ApprovalEvents,
        typeof ActionDelivery === "undefined" ? Object : ActionDelivery,
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry
    ])
], ApprovalSweeper);

//# sourceMappingURL=approval-sweeper.js.map