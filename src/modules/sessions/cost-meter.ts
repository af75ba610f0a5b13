import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
import { spendSql } from './session-spend.sql.js';
import type { SessionRecord } from './session.record.js';
import { SessionsService } from './sessions.service.js';
import { revertUpdate } from './tamper-check.js';
import { usageCostUsd, type RealtimeUsage } from './usage-cost.js';

type ResponseUsage = RealtimeUsage & { input_tokens?: number; output_tokens?: number };

interface Spent {
  readonly costUsd: number;
  readonly responses: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly transcriptions: number;
}

/** Prices one event for its session (the model and transcription model come from its config). */
type Charge = (session: SessionRecord) => Spent;

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

interface SpendRow {
  session_cost: string;
  user_day: string;
  tenant_month: string;
  budget_warned: boolean;
}

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
  private chargeFor(callId: string, event: RealtimeServerEvent): Charge | undefined {
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

  private async meter(callId: string, charge: Charge): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    const spent = charge(session);
    const [spend] = (await this.dataSource.query(
      `WITH updated AS (
         UPDATE sessions SET cost_usd = cost_usd + $2,
           usage = usage || jsonb_build_object(
             'responses', coalesce((usage->>'responses')::int, 0) + $3,
             'inputTokens', coalesce((usage->>'inputTokens')::bigint, 0) + $4,
             'outputTokens', coalesce((usage->>'outputTokens')::bigint, 0) + $5,
             'transcriptions', coalesce((usage->>'transcriptions')::int, 0) + $6)
         WHERE id = $1 RETURNING cost_usd, budget_warned, user_id, tenant_id, created_at)
       -- The sums read the table as it was before this UPDATE: add the new charge where it counts.
       SELECT u.cost_usd AS session_cost, u.budget_warned,
         ${spendSql.userDay('u.user_id', 'u.tenant_id')}
           + CASE WHEN u.created_at >= date_trunc('day', now()) THEN $2 ELSE 0 END AS user_day,
         ${spendSql.tenantMonth('u.tenant_id')}
           + CASE WHEN u.created_at >= date_trunc('month', now()) THEN $2 ELSE 0 END AS tenant_month
       FROM updated u`,
      [
        session.id,
        spent.costUsd,
        spent.responses,
        spent.inputTokens,
        spent.outputTokens,
        spent.transcriptions,
      ],
    )) as SpendRow[];
    await this.enforce(session, spend, callId);
  }

  private async enforce(session: SessionRecord, spend: SpendRow, callId: string): Promise<void> {
    const scopes = this.budget.scopes(session.tenantId, {
      sessionUsd: Number(spend.session_cost),
      userDayUsd: Number(spend.user_day),
      tenantMonthUsd: Number(spend.tenant_month),
    });
    const shortfall = this.budget.shortfall(
      scopes,
      this.budget.nextResponseUsd(callId, session.config),
    );
    // Ended before the response that would cross the budget, not after it.
    if (shortfall) return this.budget.endSession(session.id, shortfall);
    const worst = scopes.reduce((a, b) => (b.spent / b.budget > a.spent / a.budget ? b : a));
    const share = worst.spent / worst.budget;
    if (share >= WARNING_SHARE && !spend.budget_warned) {
      await this.dataSource.query(`UPDATE sessions SET budget_warned = true WHERE id = $1`, [
        session.id,
      ]);
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
    const [rows] = (await this.dataSource.query(
      `UPDATE sessions SET costly_tools_disabled = true,
         config = jsonb_set(config, '{tools}', coalesce(
           (SELECT jsonb_agg(t) FROM jsonb_array_elements(config->'tools') t
            WHERE NOT (t->>'name' = ANY($2::text[]))), '[]'::jsonb))
       WHERE id = $1 AND NOT costly_tools_disabled RETURNING config`,
      [sessionId, costly],
    )) as [{ config: Record<string, unknown> }[], number];
    if (!rows[0]) return;
    this.sidebands.send(callId, revertUpdate(rows[0].config));
    await this.audit.append({
      actor: 'system',
      action: 'session.costly_tools_disabled',
      subject: sessionId,
      data: { ...worst, tools: costly },
    });
  }
}
