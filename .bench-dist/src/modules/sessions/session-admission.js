import { BudgetExhaustedError, SessionLimitError } from './sessions.errors.js';
/** Every replica serialises admissions on this lock, so concurrent opens never exceed a limit. */ const ADMISSION_LOCK = 7_240_002;
/**
 * Admits a new session or throws 429; returns the ids of sessions it ended for not connecting in
 * time (the caller audits them in the same transaction). Runs inside the caller's transaction,
 * which must insert the session before committing: the advisory lock is held until then, so no
 * other replica can count in between. Sessions never connected within their window stop counting
 * first.
 */ export async function admitSession(tx, sessions, who, limits, budgets) {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [
        ADMISSION_LOCK
    ]);
    const expired = await sessions.expireUnconnected(tx);
    const live = await sessions.liveCounts(who, tx);
    const retryAfter = (at)=>Math.max(1, Math.ceil(((at?.getTime() ?? Date.now()) - Date.now()) / 1000));
    if (live.user.count >= limits.maxPerUser) {
        throw new SessionLimitError('user', limits.maxPerUser, retryAfter(live.user.freeAt));
    }
    if (who.tenantId !== null && live.tenant.count >= limits.maxPerTenant) {
        throw new SessionLimitError('tenant', limits.maxPerTenant, retryAfter(live.tenant.freeAt));
    }
    if (live.total.count >= limits.maxTotal) {
        throw new SessionLimitError('total', limits.maxTotal, retryAfter(live.total.freeAt));
    }
    await refuseSpentBudgets(tx, sessions, who, budgets);
    return expired;
}
/**
 * A spent daily (user) or monthly (tenant) budget stops new sessions until it resets; "spent"
 * means it could not pay for the new session's first response in full.
 */ async function refuseSpentBudgets(tx, sessions, who, budgets) {
    const spend = await sessions.spendOf(who, tx);
    const cannotPay = (spent, budget)=>budget - spent < budgets.firstResponseUsd;
    if (cannotPay(spend.userDayUsd, budgets.userDailyBudgetUsd)) {
        throw new BudgetExhaustedError('user_day', budgets.userDailyBudgetUsd, spend.dayLeftSeconds);
    }
    if (who.tenantId !== null && cannotPay(spend.tenantMonthUsd, budgets.tenantMonthlyBudgetUsd)) {
        throw new BudgetExhaustedError('tenant_month', budgets.tenantMonthlyBudgetUsd, spend.monthLeftSeconds);
    }
}

//# sourceMappingURL=session-admission.js.map