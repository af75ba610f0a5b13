import type { EntityManager } from 'typeorm';

import { BudgetExhaustedError, SessionLimitError } from './sessions.errors.js';
import { spendSql } from './session-spend.sql.js';
import type { SessionLimits } from './session.record.js';

/** Every replica serialises admissions on this lock, so concurrent opens never exceed a limit. */
const ADMISSION_LOCK = 7_240_002;

/**
 * Admits a new session or throws 429; returns the ids of sessions it ended for not connecting in
 * time (the caller audits them in the same transaction). Runs inside the caller's transaction, which must insert the
 * session before committing: the advisory lock is held until then, so no other replica can count
 * in between. Sessions never connected within their window stop counting first.
 */
export interface Budgets {
  readonly userDailyBudgetUsd: number;
  readonly tenantMonthlyBudgetUsd: number;
  /** The most the session's first response can cost: a budget with less left is spent. */
  readonly firstResponseUsd: number;
}

export async function admitSession(
  tx: EntityManager,
  who: { userId: string; tenantId: string | null },
  limits: SessionLimits,
  budgets: Budgets,
): Promise<string[]> {
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [ADMISSION_LOCK]);
  const [expired] = (await tx.query(
    `UPDATE sessions SET state = 'ended', end_reason = 'connect_timeout', ended_at = now()
     WHERE state IN ('created', 'connecting') AND connect_by < now() RETURNING id`,
  )) as [{ id: string }[], number];
  const [counts] = (await tx.query(
    `SELECT
       count(*) FILTER (WHERE user_id = $1 AND tenant_id IS NOT DISTINCT FROM $2) AS user_count,
       min(CASE WHEN state = 'active' THEN expires_at ELSE connect_by END)
         FILTER (WHERE user_id = $1 AND tenant_id IS NOT DISTINCT FROM $2) AS user_free_at,
       count(*) FILTER (WHERE tenant_id = $2) AS tenant_count,
       min(CASE WHEN state = 'active' THEN expires_at ELSE connect_by END)
         FILTER (WHERE tenant_id = $2) AS tenant_free_at,
       count(*) AS total_count,
       min(CASE WHEN state = 'active' THEN expires_at ELSE connect_by END) AS total_free_at
     FROM sessions
     WHERE state IN ('created', 'connecting', 'active')`,
    [who.userId, who.tenantId],
  )) as {
    user_count: string;
    user_free_at: Date | null;
    tenant_count: string;
    tenant_free_at: Date | null;
    total_count: string;
    total_free_at: Date | null;
  }[];
  const retryAfter = (at: Date | null) =>
    Math.max(1, Math.ceil(((at?.getTime() ?? Date.now()) - Date.now()) / 1000));
  if (Number(counts.user_count) >= limits.maxPerUser) {
    throw new SessionLimitError('user', limits.maxPerUser, retryAfter(counts.user_free_at));
  }
  if (who.tenantId !== null && Number(counts.tenant_count) >= limits.maxPerTenant) {
    throw new SessionLimitError('tenant', limits.maxPerTenant, retryAfter(counts.tenant_free_at));
  }
  if (Number(counts.total_count) >= limits.maxTotal) {
    throw new SessionLimitError('total', limits.maxTotal, retryAfter(counts.total_free_at));
  }
  await refuseSpentBudgets(tx, who, budgets);
  return expired.map((row) => row.id);
}

/**
 * A spent daily (user) or monthly (tenant) budget stops new sessions until it resets; "spent"
 * means it could not pay for the new session's first response in full.
 */
async function refuseSpentBudgets(
  tx: EntityManager,
  who: { userId: string; tenantId: string | null },
  budgets: Budgets,
): Promise<void> {
  const [spend] = (await tx.query(
    `SELECT
       ${spendSql.userDay('$1', '$2')} AS user_day,
       ${spendSql.tenantMonth('$2')} AS tenant_month,
       extract(epoch FROM date_trunc('day', now()) + interval '1 day' - now()) AS day_left,
       extract(epoch FROM date_trunc('month', now()) + interval '1 month' - now()) AS month_left`,
    [who.userId, who.tenantId],
  )) as { user_day: string; tenant_month: string; day_left: string; month_left: string }[];
  const cannotPay = (spent: string, budget: number) =>
    budget - Number(spent) < budgets.firstResponseUsd;
  if (cannotPay(spend.user_day, budgets.userDailyBudgetUsd)) {
    throw new BudgetExhaustedError('user_day', budgets.userDailyBudgetUsd, Number(spend.day_left));
  }
  if (who.tenantId !== null && cannotPay(spend.tenant_month, budgets.tenantMonthlyBudgetUsd)) {
    throw new BudgetExhaustedError(
      'tenant_month',
      budgets.tenantMonthlyBudgetUsd,
      Number(spend.month_left),
    );
  }
}
