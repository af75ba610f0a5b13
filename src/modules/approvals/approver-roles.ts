import type { Principal } from '../../common/auth/principal.js';
import type { RegisteredTool } from '../tools/index.js';

/** Every role that may decide some action: each approval tool's approver and escalation roles, sorted. */
export function approverRolesOf(tools: readonly RegisteredTool[]): string[] {
  const roles = new Set<string>();
  for (const { approval } of tools)
    for (const role of [...(approval?.approverRoles ?? []), ...(approval?.escalateTo ?? [])])
      roles.add(role);
  return [...roles].sort();
}

/** An operator's `admin` key decides anything; anyone else needs one of `roles`. */
export function holdsApproverRole(principal: Principal, roles: readonly string[]): boolean {
  if (principal.kind === 'api-key' && principal.roles.includes('admin')) return true;
  return principal.roles.some((role) => roles.includes(role));
}
