/**
 * The two spend sums every budget check needs, written once. A user is a user within a tenant
 * (the same `sub` in two tenants is two people), as the concurrency limits count them.
 */ export const spendSql = {
    /** USD spent today (UTC) by the user `userId` of tenant `tenantId` (SQL expressions). */ userDay: (userId, tenantId)=>`(SELECT coalesce(sum(d.cost_usd), 0) FROM sessions d
       WHERE d.user_id = ${userId} AND d.tenant_id IS NOT DISTINCT FROM ${tenantId}
         AND d.created_at >= date_trunc('day', now()))`,
    /** USD spent this calendar month by the tenant `tenantId`. */ tenantMonth: (tenantId)=>`(SELECT coalesce(sum(m.cost_usd), 0) FROM sessions m
       WHERE m.tenant_id = ${tenantId} AND m.created_at >= date_trunc('month', now()))`
};

//# sourceMappingURL=session-spend.sql.js.map