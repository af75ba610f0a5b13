import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Tool, type ToolContext, type ToolHandler } from '../../modules/tools/index.js';
import { OrderNotFoundError } from '../shared/demo.errors.js';
import { findVisibleOrder } from '../shared/visible-orders.js';
import { LookupOrderInput } from './lookup-order.input.js';

export interface OrderView {
  orderNumber: string;
  status: string;
  totalUsd: number;
  refundedUsd: number;
  placedAt: string;
  items: { name: string; qty: number }[];
}

/** Read-only: the simplest kind of tool. No approval, nothing to undo, a per-session rate limit. */
@Tool({
  name: 'lookup_order',
  description: "Look up the status, items and refunds of one of the caller's orders by its number.",
  input: LookupOrderInput,
  reversibility: 'irreversible', // reads change nothing; there is nothing to undo
  rateLimit: { perSession: { limit: 30, windowSeconds: 60 } },
  timeoutMs: 3_000,
})
@Injectable()
export class LookupOrderTool implements ToolHandler<LookupOrderInput, OrderView> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ orderNumber }: LookupOrderInput, ctx: ToolContext): Promise<OrderView> {
    const order = await findVisibleOrder(this.dataSource, ctx.principal, orderNumber);
    if (!order) throw new OrderNotFoundError(orderNumber);
    const [{ refunded }] = (await this.dataSource.query(
      `SELECT coalesce(sum(amount_usd), 0) AS refunded FROM demo_refunds WHERE order_number = $1`,
      [orderNumber],
    )) as { refunded: string }[];
    return {
      orderNumber: order.number,
      status: order.status,
      totalUsd: Number(order.total_usd),
      refundedUsd: Number(refunded),
      placedAt: new Date(order.placed_at).toISOString(),
      items: order.items.map(({ name, qty }) => ({ name, qty })),
    };
  }
}
