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
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { Tool } from '../../modules/tools/index.js';
import { OrderNotFoundError, RefundExceedsOrderError } from '../shared/demo.errors.js';
import { findVisibleOrder } from '../shared/visible-orders.js';
import { IssueRefundInput } from './issue-refund.input.js';
export class IssueRefundTool {
    constructor(dataSource, config){
        this.dataSource = dataSource;
        this.approvalAboveUsd = config.demo.refundApprovalAboveUsd;
    }
    execute(input, ctx) {
        return this.dataSource.transaction(async (tx)=>{
            // Lock the order first: a resumed run racing the original waits here, then finds its refund.
            const order = await findVisibleOrder(tx, ctx.principal, input.orderNumber, true);
            if (!order) throw new OrderNotFoundError(input.orderNumber);
            const done = await this.alreadyRefunded(tx, ctx.idempotencyKey);
            if (done) return done;
            const [{ refunded }] = await tx.query(`SELECT coalesce(sum(amount_usd), 0) AS refunded FROM demo_refunds WHERE order_number = $1`, [
                order.number
            ]);
            const refundable = Number(order.total_usd) - Number(refunded);
            if (input.amount > refundable + 1e-9) throw new RefundExceedsOrderError(order.number, refundable);
            const refundId = newId('ref');
            // A resumed run racing the original one: the key decides, and the loser reads the winner's.
            const inserted = await tx.query(`INSERT INTO demo_refunds (id, order_number, amount_usd, reason, idempotency_key, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`, [
                refundId,
                order.number,
                input.amount,
                input.reason,
                ctx.idempotencyKey,
                ctx.principal.id
            ]);
            if (inserted.length === 0) return await this.alreadyRefunded(tx, ctx.idempotencyKey);
            return {
                refundId,
                orderNumber: order.number,
                amountUsd: input.amount
            };
        });
    }
    async alreadyRefunded(tx, idempotencyKey) {
        const [done] = await tx.query(`SELECT id, order_number, amount_usd FROM demo_refunds WHERE idempotency_key = $1`, [
            idempotencyKey
        ]);
        return done && {
            refundId: done.id,
            orderNumber: done.order_number,
            amountUsd: Number(done.amount_usd)
        };
    }
    /** A reversing entry; the UNIQUE `reverses` column makes a second compensation impossible. */ async compensate(_input, result, ctx) {
        const reversalId = newId('ref');
        await this.dataSource.query(`INSERT INTO demo_refunds (id, order_number, amount_usd, reason, reverses, created_by)
       VALUES ($1, $2, $3, 'reversal', $4, $5)`, [
            reversalId,
            result.orderNumber,
            -result.amountUsd,
            result.refundId,
            ctx.principal.id
        ]);
        return {
            reversalId
        };
    }
}
IssueRefundTool = _ts_decorate([
    Tool({
        name: 'issue_refund',
        description: 'Refund an order, fully or partly, for a reason the caller gives.',
        input: IssueRefundInput,
        approval: {
            when: (input, _principal, tool)=>input.amount > tool.approvalAboveUsd,
            approverRoles: [
                'approver'
            ],
            expiresInSeconds: 15 * 60,
            onTimeout: 'reject'
        },
        reversibility: 'compensable',
        rateLimit: {
            perUser: {
                limit: 10,
                windowSeconds: 3600
            }
        },
        idempotent: true
    }),
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], IssueRefundTool);

//# sourceMappingURL=issue-refund.tool.js.map