import { Module } from '@nestjs/common';

import { IssueRefundTool } from './issue-refund/issue-refund.tool.js';
import { LookupOrderTool } from './lookup-order/lookup-order.tool.js';
import { ScheduleCallbackTool } from './schedule-callback/schedule-callback.tool.js';
import { UpdateCustomerEmailTool } from './update-customer-email/update-customer-email.tool.js';

/**
 * The demo shop's tools. Registering is just listing the providers; the registry finds them.
 * Imported only while SWITCHBOARD_DEMO is on, like the demo's migrations (`./migrations`), which
 * create and seed its tables.
 */
@Module({
  providers: [IssueRefundTool, LookupOrderTool, ScheduleCallbackTool, UpdateCustomerEmailTool],
})
export class DemoToolsModule {}
