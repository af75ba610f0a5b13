import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/index.js';
import { SessionsRepository, SessionsService } from '../sessions/index.js';
import type { SessionConfig } from '../voice/index.js';
import { ChargesInFlight } from './charges-in-flight.js';

/** What a session, its user today and its tenant this month have spent, in USD. */
export interface Spend {
  readonly sessionUsd: number;
  readonly userDayUsd: number;
  readonly tenantMonthUsd: number;
}

export interface BudgetScope {
  readonly scope: 'session' | 'user_day' | 'tenant_month';
  readonly spent: number;
  readonly budget: number;
}

/** A budget that cannot pay for the next response, and by how much it falls short. */
export interface Shortfall extends BudgetScope {
  readonly remainingUsd: number;
  readonly nextResponseUsd: number;
}

/**
 * Decides, before a response starts, whether every budget can still pay for it in full: the
 * session's, its user's today and its tenant's this month. "In full" means a response as long as
 * the session's `max_output_tokens` (the adapter's estimate, `nextResponseUsd`), so a budget is
 * never crossed by a response already running.
 */
@Injectable()
export class ResponseBudget {
  constructor(
    private readonly repository: SessionsRepository,
    private readonly config: AppConfig,
    private readonly inFlight: ChargesInFlight,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
  ) {}

  /** Every budget that applies to the session, with what it has spent. */
  scopes(tenantId: string | null, spend: Spend): BudgetScope[] {
    const { sessionBudgetUsd, userDailyBudgetUsd, tenantMonthlyBudgetUsd } = this.config.cost;
    return [
      { scope: 'session', spent: spend.sessionUsd, budget: sessionBudgetUsd },
      { scope: 'user_day', spent: spend.userDayUsd, budget: userDailyBudgetUsd },
      ...(tenantId
        ? [
            {
              scope: 'tenant_month' as const,
              spent: spend.tenantMonthUsd,
              budget: tenantMonthlyBudgetUsd,
            },
          ]
        : []),
    ];
  }

  /** The tightest budget that cannot pay `nextResponseUsd`, or undefined if all can. */
  shortfall(scopes: readonly BudgetScope[], nextResponseUsd: number): Shortfall | undefined {
    const tightest = scopes.reduce((a, b) => (b.budget - b.spent < a.budget - a.spent ? b : a));
    const remainingUsd = tightest.budget - tightest.spent;
    return remainingUsd < nextResponseUsd
      ? { ...tightest, remainingUsd, nextResponseUsd }
      : undefined;
  }

  /**
   * Before Switchboard starts a response: true when every budget can pay for it. If one cannot,
   * the session is ended (its call hung up) and nothing starts; an inactive call starts nothing.
   */
  async allowsResponse(
    callId: string,
    nextResponseUsd: (config: SessionConfig) => number,
  ): Promise<boolean> {
    // Every handler of the event that asked has run once this yields; then wait for the meter,
    // so the response that just ended is counted.
    await Promise.resolve();
    await this.inFlight.settled(callId);
    const active = await this.repository.activeSpendByCall(callId);
    if (!active) return false;
    const { session } = active;
    const scopes = this.scopes(session.tenantId, { ...active, sessionUsd: session.costUsd });
    const shortfall = this.shortfall(scopes, nextResponseUsd(session.config));
    if (!shortfall) return true;
    await this.endSession(session.id, shortfall);
    return false;
  }

  /** Ends a session whose budget cannot pay for its next response (audited with the figures). */
  async endSession(sessionId: string, shortfall: Shortfall): Promise<void> {
    await this.audit.append({
      actor: 'system',
      action: 'session.budget_exceeded',
      subject: sessionId,
      data: { ...shortfall },
    });
    await this.sessions.end(sessionId, 'ended', `budget_exceeded:${shortfall.scope}`, 'system');
  }
}
