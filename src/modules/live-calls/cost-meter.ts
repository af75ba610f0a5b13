import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AuditLog } from '../audit/index.js';
import {
  type ChargedSpend,
  type SessionRecord,
  SessionsRepository,
  SessionsService,
} from '../sessions/index.js';
import { ToolRegistry } from '../tools/index.js';
import { VoiceConversation, VoiceEvents, type VoiceCallEvents } from '../voice/index.js';
import { ChargesInFlight } from './charges-in-flight.js';
import { ResponseBudget } from './response-budget.js';

/** At this share of any budget, the session is warned (audited) once. */
const WARNING_SHARE = 0.8;
/** At this share, tools marked `costly` are switched off for the rest of the session. */
const COSTLY_TOOLS_OFF_SHARE = 0.9;

/**
 * Adds every charge the voice API's adapter reports (`call.charged`: a response, an input
 * transcription, priced from the API's own usage) to the session, and checks the budgets:
 * per session, per user per day, per tenant per month. Past 80 % of any: a warning in the audit
 * log; past 90 %: tools marked `costly` are withdrawn from the model and refused; once what is
 * left of any budget cannot pay for one more full response (`ResponseBudget`), the session is
 * ended and its call hung up, before that response rather than after it.
 */
@Injectable()
export class CostMeter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CostMeter.name);
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: SessionsRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly events: VoiceEvents,
    private readonly conversation: VoiceConversation,
    private readonly registry: ToolRegistry,
    private readonly budget: ResponseBudget,
    private readonly inFlight: ChargesInFlight,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.on('call.charged', (charged) => {
      // Registered synchronously, so a budget check started by the same event waits for it.
      this.inFlight.add(
        charged.callId,
        this.meter(charged).catch((error: unknown) =>
          this.logger.error(
            { callId: charged.callId, err: (error as Error).message },
            'Metering usage failed',
          ),
        ),
      );
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private async meter({ callId, price, nextResponseUsd }: VoiceCallEvents['call.charged']) {
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    const charge = price(session.config);
    // Session time is billed up to the close OpenAI reports, so it is charged after the end too.
    if (session.state !== 'active' && !charge.sessionSeconds) return;
    const spend = await this.repository.addCharge(session.id, charge);
    if (!spend || session.state !== 'active') return;
    await this.enforce(session, spend, callId, nextResponseUsd(session.config));
  }

  private async enforce(
    session: SessionRecord,
    spend: ChargedSpend,
    callId: string,
    nextResponseUsd: number,
  ): Promise<void> {
    const scopes = this.budget.scopes(session.tenantId, spend);
    const shortfall = this.budget.shortfall(scopes, nextResponseUsd);
    // Ended before the response that would cross the budget, not after it.
    if (shortfall) return this.budget.endSession(session.id, shortfall);
    const worst = scopes.reduce((a, b) => (b.spent / b.budget > a.spent / a.budget ? b : a));
    const share = worst.spent / worst.budget;
    if (share >= WARNING_SHARE && !spend.budgetWarned) {
      await this.repository.markBudgetWarned(session.id);
      await this.audit.append({
        actor: 'system',
        action: 'session.budget_warning',
        subject: session.id,
        data: { ...worst },
      });
    }
    if (share >= COSTLY_TOOLS_OFF_SHARE)
      await this.disableCostlyTools(session.id, callId, { ...worst });
  }

  /**
   * Once per session: drops costly tools from the stored config (so the tamper guard defends the
   * reduced set) and tells the model, in one `session.update`.
   */
  private async disableCostlyTools(
    sessionId: string,
    callId: string,
    worst: Record<string, unknown>,
  ): Promise<void> {
    const costly = this.registry
      .all()
      .filter((tool) => tool.costly)
      .map((tool) => tool.name);
    if (costly.length === 0) return;
    const config = await this.repository.withdrawCostlyTools(sessionId, costly);
    if (!config) return;
    this.conversation.applySession(callId, config);
    await this.audit.append({
      actor: 'system',
      action: 'session.costly_tools_disabled',
      subject: sessionId,
      data: { ...worst, tools: costly },
    });
  }
}
