/** A source as the API shows it. */ export function sourceView(row) {
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
        updatedAt: row.updated_at
    };
}

//# sourceMappingURL=knowledge-source.record.js.map