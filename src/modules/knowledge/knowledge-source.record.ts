import type { ReviewOverduePolicy, TrustTier } from '../../knowledge/index.js';

/** A `knowledge_sources` row as the repository returns it. */
export interface KnowledgeSourceRow {
  readonly id: string;
  readonly tenant_id: string | null;
  readonly name: string;
  readonly allowed_roles: string[];
  readonly max_age_days: number | null;
  readonly review_every_days: number | null;
  readonly review_overdue: ReviewOverduePolicy;
  readonly trust_tier: TrustTier;
  readonly recency_half_life_days: number | null;
  readonly created_by: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

/** The settings an editor chooses for a source (all of them on create, some on update). */
export interface SourceSettings {
  readonly name: string;
  readonly allowedRoles: readonly string[];
  readonly maxAgeDays: number | null;
  readonly reviewEveryDays: number | null;
  readonly reviewOverdue: ReviewOverduePolicy;
  readonly trustTier: TrustTier;
  readonly recencyHalfLifeDays: number | null;
}

/** A source as the API shows it. */
export function sourceView(row: KnowledgeSourceRow) {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    allowedRoles: row.allowed_roles,
    maxAgeDays: row.max_age_days,
    reviewEveryDays: row.review_every_days,
    reviewOverdue: row.review_overdue,
    trustTier: row.trust_tier,
    recencyHalfLifeDays: row.recency_half_life_days,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
