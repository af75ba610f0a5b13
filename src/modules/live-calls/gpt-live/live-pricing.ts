import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../../config/app-config.js';
import {
  type BackendModelPrices,
  dearest,
  liveEventCeilingUsd,
  liveUsdPerSecond,
} from '../../../config/live-prices.js';
import {
  type CallCharge,
  liveCostShape,
  type LiveSessionConfig,
  responsesBackendOf,
} from '../../voice/index.js';

/** `usage` of a nested Responses `response.completed`: the backend's tokens. */
export interface BackendUsage {
  readonly input_tokens?: number;
  readonly input_tokens_details?: { readonly cached_tokens?: number };
  readonly output_tokens?: number;
}

const PER_MILLION = 1_000_000;

/**
 * What GPT-Live usage costs, from the price tables in the config: session time by the second
 * (every second as active: the API does not say which were standby), delegated backend tokens at
 * the backend model's Responses prices, and the most the next billable event can cost.
 */
@Injectable()
export class LivePricing {
  constructor(private readonly config: AppConfig) {}

  /** The session's cumulative seconds (`session.usage.updated`), charged once each. */
  seconds(cumulative: number, session: LiveSessionConfig): CallCharge {
    return {
      costUsd: 0,
      responses: 0,
      inputTokens: 0,
      outputTokens: 0,
      transcriptions: 0,
      sessionSeconds: { cumulative, usdPerSecond: this.usdPerSecond(session) },
    };
  }

  /** One backend response's tokens, charged once by its response id. */
  backend(usage: BackendUsage, session: LiveSessionConfig, responseId: string): CallCharge {
    const prices = this.backendPrices(session);
    const input = usage.input_tokens ?? 0;
    const cached = Math.min(input, usage.input_tokens_details?.cached_tokens ?? 0);
    const output = usage.output_tokens ?? 0;
    return {
      costUsd:
        ((input - cached) * prices.textIn + cached * prices.textCached + output * prices.textOut) /
        PER_MILLION,
      responses: 1,
      inputTokens: input,
      outputTokens: output,
      transcriptions: 0,
      onceKey: `charge:${responseId}`,
    };
  }

  /** The most the next billable event can cost (`liveEventCeilingUsd`). */
  nextEventUsd(session: LiveSessionConfig, lastInputTokens: number): number {
    return liveEventCeilingUsd(this.config.cost, liveCostShape(session), lastInputTokens);
  }

  private usdPerSecond(session: LiveSessionConfig): number {
    return liveUsdPerSecond(this.config.cost.livePrices, session.model);
  }

  private backendPrices(session: LiveSessionConfig): BackendModelPrices {
    const table = this.config.cost.backendPrices;
    const model = responsesBackendOf(session)?.model;
    return (model && table[model]) || dearest(table, 'textOut');
  }
}
