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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { ToolView } from './dto/tool.view.js';
export class ToolsController {
    constructor(policy){
        this.policy = policy;
    }
    list(principal) {
        return this.policy.toolsFor(principal.roles).map((tool)=>ToolView.of(tool));
    }
}
_ts_decorate([
    Get(),
    UserAuth(),
    ApiOperation({
        summary: 'The tools you may use: name, description and input schema'
    }),
    ApiOkResponse({
        type: ToolView,
        isArray: true
    }),
    _ts_param(0, CurrentPrincipal()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", Array)
], ToolsController.prototype, "list", null);
ToolsController = _ts_decorate([
    ApiTags('tools'),
    Controller('v1/tools'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolAccessPolicy === "undefined" ? Object : ToolAccessPolicy
    ])
], ToolsController);

//# sourceMappingURL=tools.controller.js.map