import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { Tool, type ToolContext, type ToolHandler } from '../../modules/tools/index.js';
import { OrderNotFoundError, RefundExceedsOrderError } from '../shared/demo.errors.js';
import { findVisibleOrder } from '../shared/visible-orders.js';
import { IssueRefundInput } from './issue-refund.input.js';

export interface Refund {
  refundId: string;
  orderNumber: string;
  amountUsd: number;
}

/**
 * Money leaves the shop, so: a human approves refunds above the configured amount (the predicate
 * reads it from this instance), and a refund is compensated by a reversing entry, never deleted.
 * The idempotency key makes a resumed execution find the refund it already wrote.
 */
@Tool({
  name: 'issue_refund',
  description: 'Refund an order, fully or partly, for a reason the caller gives.',
  input: IssueRefundInput,
  approval: {
    when: (input: IssueRefundInput, _principal, tool: IssueRefundTool) =>
      input.amount > tool.approvalAboveUsd,
    approverRoles: ['approver'],
    expiresInSeconds: 15 * 60,
    onTimeout: 'reject',
  },
  reversibility: 'compensable',
  rateLimit: { perUser: { limit: 10, windowSeconds: 3600 } },
  idempotent: true,
})
@Injectable()
export class IssueRefundTool implements ToolHandler<IssueRefundInput, Refund> {
  readonly approvalAboveUsd: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.approvalAboveUsd = config.demo.refundApprovalAboveUsd;
  }

  execute(input: IssueRefundInput, ctx: ToolContext): Promise<Refund> {
    return this.dataSource.transaction(async (tx) => {
      // Lock the order first: a resumed run racing the original waits here, then finds its refund.
      const order = await findVisibleOrder(tx, ctx.principal, input.orderNumber, true);
      if (!order) throw new OrderNotFoundError(input.orderNumber);
      const done = await this.alreadyRefunded(tx, ctx.idempotencyKey);
      if (done) return done;
      const [{ refunded }] = (await tx.query(
        `SELECT coalesce(sum(amount_usd), 0) AS refunded FROM demo_refunds WHERE order_number = $1`,
        [order.number],
      )) as { refunded: string }[];
      const refundable = Number(order.total_usd) - Number(refunded);
      if (input.amount > refundable + 1e-9)
        throw new RefundExceedsOrderError(order.number, refundable);
      const refundId = newId('ref');
      // A resumed run racing the original one: the key decides, and the loser reads the winner's.
      const inserted = (await tx.query(
        `INSERT INTO demo_refunds (id, order_number, amount_usd, reason, idempotency_key, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [refundId, order.number, input.amount, input.reason, ctx.idempotencyKey, ctx.principal.id],
      )) as { id: string }[];
      if (inserted.length === 0) return (await this.alreadyRefunded(tx, ctx.idempotencyKey))!;
      return { refundId, orderNumber: order.number, amountUsd: input.amount };
    });
  }

  private async alreadyRefunded(
    tx: Pick<DataSource, 'query'>,
    idempotencyKey: string,
  ): Promise<Refund | undefined> {
    const [done] = (await tx.query(
      `SELECT id, order_number, amount_usd FROM demo_refunds WHERE idempotency_key = $1`,
      [idempotencyKey],
    )) as { id: string; order_number: string; amount_usd: string }[];
    return (
      done && {
        refundId: done.id,
        orderNumber: done.order_number,
        amountUsd: Number(done.amount_usd),
      }
    );
  }

  /** A reversing entry; the UNIQUE `reverses` column makes a second compensation impossible. */
  async compensate(
    _input: IssueRefundInput,
    result: Refund,
    ctx: ToolContext,
  ): Promise<{ reversalId: string }> {
    const reversalId = newId('ref');
    await this.dataSource.query(
      `INSERT INTO demo_refunds (id, order_number, amount_usd, reason, reverses, created_by)
       VALUES ($1, $2, $3, 'reversal', $4, $5)`,
      [reversalId, result.orderNumber, -result.amountUsd, result.refundId, ctx.principal.id],
    );
    return { reversalId };
  }
}
