import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../../config/app-config.js';
import { dearest, type BackendModelPrices } from '../../../config/live-prices.js';
import { type CallCharge, type LiveSessionConfig, responsesBackendOf } from '../../voice/index.js';

/** `usage` of a nested Responses `response.completed`: the backend's tokens. */
export interface BackendUsage {
  readonly input_tokens?: number;
  readonly input_tokens_details?: { readonly cached_tokens?: number };
  readonly output_tokens?: number;
}

/**
 * Seconds between two usage reports a budget must still cover: the API reports cumulative
 * seconds now and then, so what is left must pay for the time until the next report.
 */
const REPORT_INTERVAL_SECONDS = 10;
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

  /**
   * The most the next billable event can cost: a backend response reading what the last one read
   * and writing its whole output cap, plus session time until the next usage report.
   */
  nextEventUsd(session: LiveSessionConfig, lastInputTokens: number): number {
    const time = REPORT_INTERVAL_SECONDS * this.usdPerSecond(session);
    const backend = responsesBackendOf(session);
    // A client handler's own model calls are the application's to bill, not this session's.
    if (!backend) return time;
    const prices = this.backendPrices(session);
    return (
      (lastInputTokens * prices.textIn + backend.max_output_tokens * prices.textOut) / PER_MILLION +
      time
    );
  }

  private usdPerSecond(session: LiveSessionConfig): number {
    const table = this.config.cost.livePrices;
    const prices = table[session.model] ?? dearest(table, 'activePerMinute');
    return Math.max(prices.activePerMinute, prices.standbyPerMinute) / 60;
  }

  private backendPrices(session: LiveSessionConfig): BackendModelPrices {
    const table = this.config.cost.backendPrices;
    const model = responsesBackendOf(session)?.model;
    return (model && table[model]) || dearest(table, 'textOut');
  }
}
