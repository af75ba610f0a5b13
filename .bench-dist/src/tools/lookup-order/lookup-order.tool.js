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
import { Tool } from '../../modules/tools/index.js';
import { OrderNotFoundError } from '../shared/demo.errors.js';
import { findVisibleOrder } from '../shared/visible-orders.js';
import { LookupOrderInput } from './lookup-order.input.js';
export class LookupOrderTool {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async execute({ orderNumber }, ctx) {
        const order = await findVisibleOrder(this.dataSource, ctx.principal, orderNumber);
        if (!order) throw new OrderNotFoundError(orderNumber);
        const [{ refunded }] = await this.dataSource.query(`SELECT coalesce(sum(amount_usd), 0) AS refunded FROM demo_refunds WHERE order_number = $1`, [
            orderNumber
        ]);
        return {
            orderNumber: order.number,
            status: order.status,
            totalUsd: Number(order.total_usd),
            refundedUsd: Number(refunded),
            placedAt: new Date(order.placed_at).toISOString(),
            items: order.items.map(({ name, qty })=>({
                    name,
                    qty
                }))
        };
    }
}
LookupOrderTool = _ts_decorate([
    Tool({
        name: 'lookup_order',
        description: "Look up the status, items and refunds of one of the caller's orders by its number.",
        input: LookupOrderInput,
        reversibility: 'irreversible',
        rateLimit: {
            perSession: {
                limit: 30,
                windowSeconds: 60
            }
        },
        timeoutMs: 3_000
    }),
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], LookupOrderTool);

//# sourceMappingURL=lookup-order.tool.js.map