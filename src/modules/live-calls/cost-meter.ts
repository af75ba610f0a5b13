import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/index.js';
import {
  FALLBACK_TRANSCRIPTION_MODEL,
  transcriptionCostUsd,
  type TranscriptionUsage,
} from '../../config/transcription-prices.js';
import {
  RealtimeEventBus,
  type RealtimeServerEvent,
  SidebandConnections,
} from '../realtime/index.js';
import { ToolRegistry } from '../tools/index.js';
import { GovernedCalls } from './governed-calls.js';
import { ResponseBudget } from './response-budget.js';
import {
  type SessionRecord,
  SessionsRepository,
  type Charge,
  type ChargedSpend,
  SessionsService,
  usageCostUsd,
  type RealtimeUsage,
} from '../sessions/index.js';
import { revertUpdate } from './tamper-check.js';

type ResponseUsage = RealtimeUsage & { input_tokens?: number; output_tokens?: number };

/** Prices one event for its session (the model and transcription model come from its config). */
type Pricing = (session: SessionRecord) => Charge;

/** The input transcription model the session was configured with. */
function transcriptionModelOf(config: Record<string, unknown>): string {
  const audio = config.audio as
    { input?: { transcription?: { model?: string } | null } } | undefined;
  return audio?.input?.transcription?.model ?? FALLBACK_TRANSCRIPTION_MODEL;
}

/** At this share of any budget, the session is warned (audited) once. */
const WARNING_SHARE = 0.8;
/** At this share, tools marked `costly` are switched off for the rest of the session. */
const COSTLY_TOOLS_OFF_SHARE = 0.9;

/**
 * Prices every `response.done` from its `usage` and every input transcription from its own usage
 * (billed apart, per token or per minute), adds it to the session, and checks the budgets:
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
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly bus: RealtimeEventBus,
    private readonly sidebands: SidebandConnections,
    private readonly registry: ToolRegistry,
    private readonly budget: ResponseBudget,
    private readonly calls: GovernedCalls,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('sideband.event', ({ callId, event }) => {
      const charge = this.chargeFor(callId, event);
      if (!charge) return;
      const metered = this.meter(callId, charge).catch((error: unknown) =>
        this.logger.error({ callId, err: (error as Error).message }, 'Metering usage failed'),
      );
      const call = this.calls.get(callId);
      if (call) call.metering = Promise.all([call.metering, metered]);
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  /** What an event costs: a response (Realtime model) or an input transcription (billed apart). */
  private chargeFor(callId: string, event: RealtimeServerEvent): Pricing | undefined {
    if (event.type === 'response.done') {
      const usage = (event.response as { usage?: ResponseUsage } | undefined)?.usage;
      if (!usage) return undefined;
      const call = this.calls.get(callId);
      if (call) call.lastUsage = usage;
      return (session) => {
        const { prices } = this.config.cost;
        const model = String(session.config.model ?? 'gpt-realtime');
        return {
          costUsd: usageCostUsd(usage, prices[model] ?? prices['gpt-realtime']),
          responses: 1,
          inputTokens: usage.input_tokens ?? 0,
          outputTokens: usage.output_tokens ?? 0,
          transcriptions: 0,
        };
      };
    }
    if (event.type === 'conversation.item.input_audio_transcription.completed') {
      const usage = event.usage as TranscriptionUsage | undefined;
      if (!usage) return undefined;
      return (session) => {
        const prices = this.config.cost.transcriptionPrices;
        const model = transcriptionModelOf(session.config);
        const table = prices[model] ?? prices[FALLBACK_TRANSCRIPTION_MODEL];
        return {
          costUsd: transcriptionCostUsd(usage, table),
          responses: 0,
          inputTokens: 0,
          outputTokens: 0,
          transcriptions: 1,
        };
      };
    }
    return undefined;
  }

  private async meter(callId: string, charge: Pricing): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    const spend = await this.repository.addCharge(session.id, charge(session));
    if (!spend) return;
    await this.enforce(session, spend, callId);
  }

  private async enforce(
    session: SessionRecord,
    spend: ChargedSpend,
    callId: string,
  ): Promise<void> {
    const scopes = this.budget.scopes(session.tenantId, spend);
    const shortfall = this.budget.shortfall(
      scopes,
      this.budget.nextResponseUsd(callId, session.config),
    );
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
    this.sidebands.send(callId, revertUpdate(config));
    await this.audit.append({
      actor: 'system',
      action: 'session.costly_tools_disabled',
      subject: sessionId,
      data: { ...worst, tools: costly },
    });
  }
}
