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
import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { normalizeApproval, DEFAULT_TIMEOUT_MS } from './registered-tool.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { Tool } from './tool.decorator.js';
import { ToolMessages } from './tool.messages.js';
import { ToolRegistry } from './tool.registry.js';
import { toolInputSchema } from './tool-schema.js';
const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;
export class ToolExplorer {
    constructor(discovery, registry, policy){
        this.discovery = discovery;
        this.registry = registry;
        this.policy = policy;
        this.logger = new Logger(ToolExplorer.name);
    }
    onModuleInit() {
        const seen = new Set();
        for (const wrapper of this.discovery.getProviders({
            metadataKey: Tool.KEY
        })){
            // useValue and useFactory providers have no metatype: their instance's class carries the metadata.
            const toolClass = wrapper.instance?.constructor ?? wrapper.metatype;
            if (!toolClass || seen.has(toolClass)) continue; // aliases share one instance
            seen.add(toolClass);
            if (!wrapper.isDependencyTreeStatic()) {
                this.logger.warn(ToolMessages.requestScoped(wrapper.name));
                continue;
            }
            const options = Reflect.getMetadata(Tool.KEY, toolClass);
            if (options) this.registry.register(this.toRegistered(wrapper, toolClass, options));
        }
        this.policy.assertAllowlistValid();
        this.logger.log({
            tools: this.registry.names()
        }, 'Tools registered');
    }
    toRegistered(wrapper, toolClass, options) {
        const providerName = String(toolClass.name || wrapper.name);
        const handler = wrapper.instance;
        const reversibility = options.reversibility ?? 'irreversible';
        if (typeof options.name !== 'string' || !TOOL_NAME.test(options.name)) throw new Error(ToolMessages.invalidName(options.name, providerName));
        if (typeof options.input !== 'function') throw new Error(ToolMessages.missingInput(options.name, providerName));
        if (typeof handler?.execute !== 'function') throw new Error(ToolMessages.missingExecute(options.name, providerName));
        if (reversibility !== 'irreversible' && typeof handler.compensate !== 'function') throw new Error(ToolMessages.missingCompensate(options.name, providerName, reversibility));
        const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error(ToolMessages.invalidTimeout(options.name));
        return {
            name: options.name,
            description: options.description,
            input: options.input,
            handler,
            providerName,
            parameters: toolInputSchema(options.input),
            declaredRoles: options.roles ?? [],
            approval: normalizeApproval(options.approval),
            timeoutMs,
            rateLimit: options.rateLimit ?? {},
            reversibility,
            redact: options.redact ?? [],
            costly: options.costly ?? false,
            idempotent: options.idempotent ?? false,
            rollbackApproval: options.rollbackApproval ?? false
        };
    }
}
ToolExplorer = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DiscoveryService === "undefined" ? Object : DiscoveryService,
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry,
        typeof ToolAccessPolicy === "undefined" ? Object : ToolAccessPolicy
    ])
], ToolExplorer);

//# sourceMappingURL=tool.explorer.js.map