import { Injectable } from '@nestjs/common';

import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../../config/agent-profiles.js';
import { AppConfig } from '../../../config/app-config.js';
import {
  FALLBACK_TRANSCRIPTION_MODEL,
  transcriptionCostUsd,
  type TranscriptionUsage,
} from '../../../config/transcription-prices.js';
import { nextResponseCeilingUsd, usageCostUsd, type RealtimeUsage } from '../../sessions/index.js';
import type { CallCharge, RealtimeSessionConfig } from '../../voice/index.js';
import { GovernedCalls } from './governed-calls.js';

/** `response.done.usage`, with the totals the session's counters keep. */
export type ResponseUsage = RealtimeUsage & { input_tokens?: number; output_tokens?: number };

/**
 * What Realtime usage costs, from the price tables in the config: a response priced from its
 * token usage by the session's model, an input transcription by its own model (billed apart),
 * and the most the next response can cost (its output cap on top of what it reads again).
 */
@Injectable()
export class RealtimePricing {
  constructor(
    private readonly config: AppConfig,
    private readonly calls: GovernedCalls,
  ) {}

  response(usage: ResponseUsage, session: RealtimeSessionConfig): CallCharge {
    return {
      costUsd: usageCostUsd(usage, this.modelPrices(session)),
      responses: 1,
      inputTokens: usage.input_tokens ?? 0,
      outputTokens: usage.output_tokens ?? 0,
      transcriptions: 0,
    };
  }

  transcription(usage: TranscriptionUsage, session: RealtimeSessionConfig): CallCharge {
    const prices = this.config.cost.transcriptionPrices;
    const model = session.audio?.input?.transcription?.model ?? FALLBACK_TRANSCRIPTION_MODEL;
    return {
      costUsd: transcriptionCostUsd(usage, prices[model] ?? prices[FALLBACK_TRANSCRIPTION_MODEL]),
      responses: 0,
      inputTokens: 0,
      outputTokens: 0,
      transcriptions: 1,
    };
  }

  /** The most the call's next response can cost (model prices, its output cap, its last usage). */
  nextResponseUsd(callId: string, session: RealtimeSessionConfig): number {
    const cap = Number(session.max_output_tokens);
    return nextResponseCeilingUsd(
      this.calls.get(callId)?.lastUsage,
      this.modelPrices(session),
      Number.isInteger(cap) && cap > 0 ? cap : DEFAULT_MAX_OUTPUT_TOKENS,
    );
  }

  private modelPrices(session: RealtimeSessionConfig) {
    const { prices } = this.config.cost;
    return prices[String(session.model ?? 'gpt-realtime')] ?? prices['gpt-realtime'];
  }
}
