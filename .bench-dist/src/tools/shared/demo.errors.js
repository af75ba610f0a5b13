import { DomainError } from '../../common/errors/domain.error.js';
/**
 * Every code the demo tools own. `CALLBACK_TIME_INVALID` is thrown by a class inside
 * `schedule-callback.tool.ts`.
 */ export const DEMO_ERROR_CODES = [
    'ORDER_NOT_FOUND',
    'CUSTOMER_NOT_FOUND',
    'REFUND_EXCEEDS_ORDER',
    'CALLBACK_TIME_INVALID'
];
export class OrderNotFoundError extends DomainError {
    constructor(orderNumber){
        super({
            code: 'ORDER_NOT_FOUND',
            status: 404,
            title: 'Order not found',
            detail: `There is no order ${orderNumber} you can see. Ask the caller to check the number.`
        });
    }
}
export class CustomerNotFoundError extends DomainError {
    constructor(customerId){
        super({
            code: 'CUSTOMER_NOT_FOUND',
            status: 404,
            title: 'Customer not found',
            detail: `There is no customer ${customerId} in your organisation.`
        });
    }
}
export class RefundExceedsOrderError extends DomainError {
    constructor(orderNumber, refundableUsd){
        super({
            code: 'REFUND_EXCEEDS_ORDER',
            status: 409,
            title: 'Refund larger than what is left',
            detail: `At most ${refundableUsd.toFixed(2)} USD of order ${orderNumber} can still be refunded.`,
            extensions: {
                refundableUsd
            }
        });
    }
}

//# sourceMappingURL=demo.errors.js.map