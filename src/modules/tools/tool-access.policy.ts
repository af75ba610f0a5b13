import { Inject, Injectable } from '@nestjs/common';

import { type ToolAllowlist, TOOL_ALLOWLIST } from './tool-allowlist.js';
import { type RegisteredTool, toolDefinition } from './registered-tool.js';
import { ToolMessages } from './tool.messages.js';
import { ToolRegistry } from './tool.registry.js';

/** What refused a tool: the caller's roles, or the session's agent profile, which leaves it out. */
export type ToolRefusal = 'role' | 'agent_profile';

/**
 * Deny unless allowed: a role may call a tool only if the tool's `roles` or the central allowlist
 * grants it. One place answers "may these roles use this tool?" for session configs, `GET
 * /v1/tools` and the pipeline.
 */
@Injectable()
export class ToolAccessPolicy {
  constructor(
    private readonly registry: ToolRegistry,
    @Inject(TOOL_ALLOWLIST) private readonly allowlist: ToolAllowlist,
  ) {}

  /** Boot check: every allowlist entry names a registered tool. */
  assertAllowlistValid(): void {
    for (const [role, names] of Object.entries(this.allowlist))
      for (const name of names)
        if (!this.registry.has(name))
          throw new Error(ToolMessages.unknownAllowlistTool(role, name, this.registry.names()));
  }

  /** Roles that may call the tool, from both sources, sorted. */
  rolesOf(tool: RegisteredTool): string[] {
    const roles = new Set(tool.declaredRoles);
    for (const [role, names] of Object.entries(this.allowlist))
      if (names.includes(tool.name)) roles.add(role);
    return [...roles].sort();
  }

  /**
   * Why a call of the tool is refused in a session that offers `offered` (the tools its agent
   * profile offers to these roles), or undefined when it may run. The roles are asked first.
   */
  refusal(
    roles: readonly string[],
    toolName: string,
    offered: readonly string[],
  ): ToolRefusal | undefined {
    if (!this.allows(roles, toolName)) return 'role';
    if (!offered.includes(toolName)) return 'agent_profile';
    return undefined;
  }

  allows(roles: readonly string[], toolName: string): boolean {
    const tool = this.registry.get(toolName);
    if (!tool) return false;
    const permitted = this.rolesOf(tool);
    return roles.some((role) => permitted.includes(role));
  }

  /** The tools these roles may call, optionally limited to what an agent profile offers. */
  toolsFor(roles: readonly string[], offered?: readonly string[]): RegisteredTool[] {
    return this.registry
      .all()
      .filter((tool) => !offered || offered.includes(tool.name))
      .filter((tool) => this.allows(roles, tool.name));
  }

  /** Function definitions for a Realtime session config. */
  definitionsFor(roles: readonly string[], offered?: readonly string[]) {
    return this.toolsFor(roles, offered).map(toolDefinition);
  }
}
