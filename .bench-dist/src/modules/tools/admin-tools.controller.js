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
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuth } from '../../common/auth/auth.decorator.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { ToolRegistry } from './tool.registry.js';
import { AdminToolView } from './dto/admin-tool.view.js';
export class AdminToolsController {
    constructor(registry, policy){
        this.registry = registry;
        this.policy = policy;
    }
    list() {
        return this.registry.all().map((tool)=>AdminToolView.of(tool, this.policy.rolesOf(tool)));
    }
}
_ts_decorate([
    Get(),
    OperatorAuth('admin', 'auditor', 'approver'),
    ApiOperation({
        summary: 'Every registered tool with its policies (roles, approval, limits)'
    }),
    ApiOkResponse({
        type: AdminToolView,
        isArray: true
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Array)
], AdminToolsController.prototype, "list", null);
AdminToolsController = _ts_decorate([
    ApiTags('admin'),
    Controller('v1/admin/tools'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry,
        typeof ToolAccessPolicy === "undefined" ? Object : ToolAccessPolicy
    ])
], AdminToolsController);

//# sourceMappingURL=admin-tools.controller.js.map