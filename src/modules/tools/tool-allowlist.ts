import type { InjectionToken } from '@nestjs/common';

/**
 * Which app-user roles may call which tools, in one typed place. Tools may also name roles in
 * `@Tool({ roles })`; a role may call a tool if either grants it. Unknown tool names fail the boot.
 */
export type ToolAllowlist = Readonly<Record<string, readonly string[]>>;

export const TOOL_ALLOWLIST: InjectionToken<ToolAllowlist> = Symbol('TOOL_ALLOWLIST');
