import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';

import { normalizeApproval, DEFAULT_TIMEOUT_MS, type RegisteredTool } from './registered-tool.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import { Tool } from './tool.decorator.js';
import { ToolMessages } from './tool.messages.js';
import type { ToolHandler, ToolOptions } from './tool-options.js';
import { ToolRegistry } from './tool.registry.js';
import { toolInputSchema } from './tool-schema.js';

const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Finds every `@Tool()` provider once at bootstrap, checks it, and registers it. Any mistake a
 * backend team can make in a declaration fails the boot with a message naming the provider.
 */
@Injectable()
export class ToolExplorer implements OnModuleInit {
  private readonly logger = new Logger(ToolExplorer.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registry: ToolRegistry,
    private readonly policy: ToolAccessPolicy,
  ) {}

  onModuleInit(): void {
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: Tool.KEY })) {
      // useValue and useFactory providers have no metatype: their instance's class carries the metadata.
      const toolClass = (wrapper.instance as object | undefined)?.constructor ?? wrapper.metatype;
      if (!toolClass || seen.has(toolClass)) continue; // aliases share one instance
      seen.add(toolClass);
      if (!wrapper.isDependencyTreeStatic()) {
        this.logger.warn(ToolMessages.requestScoped(wrapper.name));
        continue;
      }
      const options = Reflect.getMetadata(Tool.KEY, toolClass) as ToolOptions | undefined;
      if (options) this.registry.register(this.toRegistered(wrapper, toolClass, options));
    }
    this.policy.assertAllowlistValid();
    this.logger.log({ tools: this.registry.names() }, 'Tools registered');
  }

  private toRegistered(
    wrapper: InstanceWrapper,
    toolClass: { name?: string },
    options: ToolOptions,
  ): RegisteredTool {
    const providerName = String(toolClass.name || wrapper.name);
    const handler = wrapper.instance as ToolHandler;
    const reversibility = options.reversibility ?? 'irreversible';
    if (typeof options.name !== 'string' || !TOOL_NAME.test(options.name))
      throw new Error(ToolMessages.invalidName(options.name, providerName));
    if (typeof options.input !== 'function')
      throw new Error(ToolMessages.missingInput(options.name, providerName));
    if (typeof handler?.execute !== 'function')
      throw new Error(ToolMessages.missingExecute(options.name, providerName));
    if (reversibility !== 'irreversible' && typeof handler.compensate !== 'function')
      throw new Error(ToolMessages.missingCompensate(options.name, providerName, reversibility));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
      throw new Error(ToolMessages.invalidTimeout(options.name));
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
      rollbackApproval: options.rollbackApproval ?? false,
    };
  }
}
