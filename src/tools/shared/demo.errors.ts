import { DomainError } from '../../common/errors/domain.error.js';

/**
 * Every code the demo tools own. `CALLBACK_TIME_INVALID` is thrown by a class inside
 * `schedule-callback.tool.ts`.
 */
export const DEMO_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  'CUSTOMER_NOT_FOUND',
  'REFUND_EXCEEDS_ORDER',
  'CALLBACK_TIME_INVALID',
] as const;
export type DemoErrorCode = (typeof DEMO_ERROR_CODES)[number];

export class OrderNotFoundError extends DomainError<DemoErrorCode> {
  constructor(orderNumber: string) {
    super({
      code: 'ORDER_NOT_FOUND',
      status: 404,
      title: 'Order not found',
      detail: `There is no order ${orderNumber} you can see. Ask the caller to check the number.`,
    });
  }
}

export class CustomerNotFoundError extends DomainError<DemoErrorCode> {
  constructor(customerId: string) {
    super({
      code: 'CUSTOMER_NOT_FOUND',
      status: 404,
      title: 'Customer not found',
      detail: `There is no customer ${customerId} in your organisation.`,
    });
  }
}

export class RefundExceedsOrderError extends DomainError<DemoErrorCode> {
  constructor(orderNumber: string, refundableUsd: number) {
    super({
      code: 'REFUND_EXCEEDS_ORDER',
      status: 409,
      title: 'Refund larger than what is left',
      detail: `At most ${refundableUsd.toFixed(2)} USD of order ${orderNumber} can still be refunded.`,
      extensions: { refundableUsd },
    });
  }
}
