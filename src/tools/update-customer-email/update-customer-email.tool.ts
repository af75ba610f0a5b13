import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Tool, type ToolContext, type ToolHandler } from '../../modules/tools/index.js';
import { CustomerNotFoundError } from '../shared/demo.errors.js';
import { UpdateCustomerEmailInput } from './update-customer-email.input.js';

export interface EmailChange {
  customerId: string;
  previousEmail: string;
  email: string;
}

/**
 * Compensable: the change is undone by restoring the previous address, which the result records.
 * Email addresses are personal data, so they are redacted from logs, the audit log and approvers.
 */
@Tool({
  name: 'update_customer_email',
  description: "Change a customer's email address after the caller has confirmed the new one.",
  input: UpdateCustomerEmailInput,
  reversibility: 'compensable',
  redact: ['email'],
  idempotent: true,
})
@Injectable()
export class UpdateCustomerEmailTool implements ToolHandler<UpdateCustomerEmailInput, EmailChange> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute({ customerId, email }: UpdateCustomerEmailInput, ctx: ToolContext): Promise<EmailChange> {
    return this.dataSource.transaction(async (tx) => {
      const [current] = (await tx.query(
        `SELECT email FROM demo_customers WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
        [customerId, ctx.tenantId],
      )) as { email: string }[];
      if (!current) throw new CustomerNotFoundError(customerId);
      await tx.query(`UPDATE demo_customers SET email = $2, updated_at = now() WHERE id = $1`, [
        customerId,
        email,
      ]);
      return { customerId, previousEmail: current.email, email };
    });
  }

  /** Restores the old address, unless someone changed it again since (then theirs stands). */
  async compensate(
    _input: UpdateCustomerEmailInput,
    result: EmailChange,
  ): Promise<{ restored: boolean }> {
    const [rows] = (await this.dataSource.query(
      `UPDATE demo_customers SET email = $2, updated_at = now() WHERE id = $1 AND email = $3 RETURNING id`,
      [result.customerId, result.previousEmail, result.email],
    )) as [unknown[], number];
    return { restored: rows.length === 1 };
  }
}
