import type { Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { WhereClause } from '../../database/where-clause.js';
import { SourceTenantForbiddenError } from './knowledge.errors.js';

/** The role that edits knowledge (operators' `admin` key qualifies too). */
export const KNOWLEDGE_EDITOR_ROLE = 'knowledge_editor';

/**
 * Who may manage and who may read which sources, decided here and nowhere else. Tenants follow
 * the one tenant-scope policy of the app (`visibilityScope`): an editor's staff JWT manages its own
 * tenant's sources, an operator key every tenant's. Reading also needs a role: a caller reads a
 * source only when it holds one of the source's `allowedRoles` (operators' editor and admin keys
 * read every source, to check what callers get). Nothing here comes from a request parameter.
 */
export class KnowledgeAccess {
  private constructor(private readonly principal: Principal) {}

  static of(principal: Principal): KnowledgeAccess {
    return new KnowledgeAccess(principal);
  }

  /** Whether the principal may manage a source owned by `tenantId`. */
  manages(tenantId: string | null): boolean {
    return visibilityScope(this.principal).allows(tenantId);
  }

  /** The tenant a new source gets: the editor's own; an operator key picks any (or none). */
  tenantForNewSource(requested: string | null | undefined): string | null {
    if (this.principal.kind === 'api-key') return requested || null;
    const own = this.principal.tenantId || null;
    if (requested !== undefined && (requested || null) !== own)
      throw new SourceTenantForbiddenError(own);
    return own;
  }

  /** `WHERE` for the sources the principal manages (`column` is the source's tenant column). */
  managedSources(column = 'tenant_id'): WhereClause {
    const where = new WhereClause();
    const condition = visibilityScope(this.principal).condition(column);
    if (condition) where.add(condition[0], condition[1]);
    return where;
  }

  /** `WHERE` for the sources the principal may read in search results. */
  readableSources(): WhereClause {
    const where = this.managedSources('tenant_id');
    if (this.readsEveryRole()) return where;
    // `&&` (overlap) with an empty role list is false: a caller without roles reads nothing.
    return where.add('allowed_roles && ?::text[]', [...this.principal.roles]);
  }

  private readsEveryRole(): boolean {
    return (
      this.principal.kind === 'api-key' &&
      (this.principal.roles.includes('admin') ||
        this.principal.roles.includes(KNOWLEDGE_EDITOR_ROLE))
    );
  }
}
