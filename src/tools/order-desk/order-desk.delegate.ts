import { Injectable } from '@nestjs/common';

import {
  type DelegatedTask,
  type DelegationHandler,
  DelegationHandlerFor,
} from '../../modules/delegations/index.js';

/** An order number as a caller reads it out (the same shape `lookup_order` accepts). */
const ORDER_NUMBER = /\b(\d{4,10})\b/;

/**
 * An example of GPT-Live client delegation: the application does the delegated work itself.
 * It reads the caller's latest words, looks the order up through the governed pipeline (so the
 * caller's roles, validation and the audit apply exactly as for a model's call), tells the voice
 * what it is doing, and gives it the answer to speak. A real handler might run its own agent on
 * the Responses API here; everything it does with tools would go through `task.callTool` too.
 */
@DelegationHandlerFor('order_desk')
@Injectable()
export class OrderDeskDelegate implements DelegationHandler {
  async handle(task: DelegatedTask): Promise<void> {
    const said = [...task.transcript].reverse().find((line) => line.role === 'user')?.text ?? '';
    const orderNumber = ORDER_NUMBER.exec(said)?.[1];
    if (!orderNumber) {
      task.say('Which order number should I look up?');
      return;
    }
    task.think(`Looking up order ${orderNumber} for the caller.`);
    const { status, output } = await task.callTool('lookup_order', { orderNumber });
    task.say(status === 'succeeded' ? describe(orderNumber, output) : refusal(output));
  }
}

function describe(orderNumber: string, output: unknown): string {
  const order = (output as { result?: { status?: string; items?: { name: string }[] } }).result;
  const items = (order?.items ?? []).map((item) => item.name).join(', ');
  return `Order ${orderNumber} is ${order?.status ?? 'unknown'}${items ? ` (${items})` : ''}.`;
}

function refusal(output: unknown): string {
  const error = (output as { error?: { message?: string } }).error;
  return error?.message ?? 'I could not look that order up.';
}
