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
import { Injectable } from '@nestjs/common';
import { ToolRegistry } from '../tools/index.js';
import { NotAnApproverError } from './approvals.errors.js';
import { approverRolesOf, holdsApproverRole } from './approver-roles.js';
export class ApproverRoleGuard {
    constructor(registry){
        this.registry = registry;
    }
    canActivate(context) {
        const { principal } = context.switchToHttp().getRequest();
        const roles = approverRolesOf(this.registry.all());
        if (!holdsApproverRole(principal, roles)) throw new NotAnApproverError(roles, 'any');
        return true;
    }
}
ApproverRoleGuard = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry
    ])
], ApproverRoleGuard);

//# sourceMappingURL=approver-role.guard.js.map