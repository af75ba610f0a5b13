import type { Principal } from './principal.js';

/**
 * What a principal may see of tenant-owned rows (sessions, actions, tool calls). Every route that
 * lists, streams, shows, decides or rolls back such a row asks this one scope, so a list and a
 * detail can never disagree. Operator API keys are tenant-wide by design. An app user (JWT) sees
 * only their own tenant; a user without a tenant claim sees nothing tenant-scoped, only rows that
 * belong to no tenant (a deployment that does not use tenants).
 */
export interface VisibilityScope {
  /** False for operator keys, which see every tenant. */
  readonly tenantScoped: boolean;
  /** Whether a row owned by `tenantId` (null: no tenant) is visible. */
  allows(tenantId: string | null): boolean;
  /**
   * The same rule as SQL for `WhereClause.add(...)`: a condition on `column` with one `?` and its
   * value, or undefined when every tenant is visible.
   */
  condition(column: string): readonly [sql: string, value: string | null] | undefined;
}

const EVERY_TENANT: VisibilityScope = {
  tenantScoped: false,
  allows: () => true,
  condition: () => undefined,
};

export function visibilityScope(principal: Principal): VisibilityScope {
  if (principal.kind === 'api-key') return EVERY_TENANT;
  // An empty claim is no tenant, never "any tenant".
  const tenantId = principal.tenantId || null;
  return {
    tenantScoped: true,
    allows: (rowTenant) => (rowTenant || null) === tenantId,
    condition: (column) =>
      tenantId === null ? [`${column} IS NOT DISTINCT FROM ?`, null] : [`${column} = ?`, tenantId],
  };
}
