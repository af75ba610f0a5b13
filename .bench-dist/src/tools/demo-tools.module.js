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
import { Module } from '@nestjs/common';
import { IssueRefundTool } from './issue-refund/issue-refund.tool.js';
import { LookupOrderTool } from './lookup-order/lookup-order.tool.js';
import { ScheduleCallbackTool } from './schedule-callback/schedule-callback.tool.js';
import { UpdateCustomerEmailTool } from './update-customer-email/update-customer-email.tool.js';
export class DemoToolsModule {
}
DemoToolsModule = _ts_decorate([
    Module({
        providers: [
            IssueRefundTool,
            LookupOrderTool,
            ScheduleCallbackTool,
            UpdateCustomerEmailTool
        ]
    })
], DemoToolsModule);

//# sourceMappingURL=demo-tools.module.js.map