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
import { Inject, Injectable } from '@nestjs/common';
import { TOOL_ALLOWLIST } from './tool-allowlist.js';
import { toolDefinition } from './registered-tool.js';
import { ToolMessages } from './tool.messages.js';
import { ToolRegistry } from './tool.registry.js';
export class ToolAccessPolicy {
    constructor(registry, allowlist){
        this.registry = registry;
        this.allowlist = allowlist;
    }
    /** Boot check: every allowlist entry names a registered tool. */ assertAllowlistValid() {
        for (const [role, names] of Object.entries(this.allowlist))for (const name of names)if (!this.registry.has(name)) throw new Error(ToolMessages.unknownAllowlistTool(role, name, this.registry.names()));
    }
    /** Roles that may call the tool, from both sources, sorted. */ rolesOf(tool) {
        const roles = new Set(tool.declaredRoles);
        for (const [role, names] of Object.entries(this.allowlist))if (names.includes(tool.name)) roles.add(role);
        return [
            ...roles
        ].sort();
    }
    /**
   * Why a call of the tool is refused in a session that offers `offered` (the tools its agent
   * profile offers to these roles), or undefined when it may run. The roles are asked first.
   */ refusal(roles, toolName, offered) {
        if (!this.allows(roles, toolName)) return 'role';
        if (!offered.includes(toolName)) return 'agent_profile';
        return undefined;
    }
    allows(roles, toolName) {
        const tool = this.registry.get(toolName);
        if (!tool) return false;
        const permitted = this.rolesOf(tool);
        return roles.some((role)=>permitted.includes(role));
    }
    /** The tools these roles may call, optionally limited to what an agent profile offers. */ toolsFor(roles, offered) {
        return this.registry.all().filter((tool)=>!offered || offered.includes(tool.name)).filter((tool)=>this.allows(roles, tool.name));
    }
    /** Function definitions for a Realtime session config. */ definitionsFor(roles, offered) {
        return this.toolsFor(roles, offered).map(toolDefinition);
    }
}
ToolAccessPolicy = _ts_decorate([
    Injectable(),
    _ts_param(1, Inject(TOOL_ALLOWLIST)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry,
        typeof ToolAllowlist === "undefined" ? Object : ToolAllowlist
    ])
], ToolAccessPolicy);

//# sourceMappingURL=tool-access.policy.js.map