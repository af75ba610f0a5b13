import { Module } from '@nestjs/common';

import { IssueRefundTool } from './issue-refund/issue-refund.tool.js';
import { LookupOrderTool } from './lookup-order/lookup-order.tool.js';
import { OrderDeskDelegate } from './order-desk/order-desk.delegate.js';
import { ScheduleCallbackTool } from './schedule-callback/schedule-callback.tool.js';
import { UpdateCustomerEmailTool } from './update-customer-email/update-customer-email.tool.js';

/**
 * The demo shop's tools, and its example GPT-Live delegation handler (`order_desk`).
 * Registering is just listing the providers; the registries find them.
 * Imported only while SWITCHBOARD_DEMO is on, like the demo's migrations (`./migrations`), which
 * create and seed its tables.
 */
@Module({
  providers: [
    IssueRefundTool,
    LookupOrderTool,
    OrderDeskDelegate,
    ScheduleCallbackTool,
    UpdateCustomerEmailTool,
  ],
})
export class DemoToolsModule {}
