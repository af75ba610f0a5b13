import { parsePriceOverrides } from './price-table.js';

/**
 * GPT-Live is billed by the second of session time, not by tokens: active time (speech, silence
 * before the idle timeout, waiting for backend work; a muted microphone stays active) and standby
 * time (a WebRTC session while inference is paused). USD per minute.
 */
export interface LiveSessionPrices {
  readonly activePerMinute: number;
  readonly standbyPerMinute: number;
}

/** The Responses model behind a Live session, billed at normal Responses prices: USD per 1M. */
export interface BackendModelPrices {
  readonly textIn: number;
  readonly textCached: number;
  readonly textOut: number;
}

export type LivePriceTable = Readonly<Record<string, LiveSessionPrices>>;
export type BackendPriceTable = Readonly<Record<string, BackendModelPrices>>;

/**
 * Defaults from OpenAI's published prices ($0.05 per active minute; GPT-Live-1.1 standby $0.02);
 * verify against your contract and override with SWITCHBOARD_LIVE_PRICE_TABLE. The API reports
 * only cumulative seconds, not which were standby, so Switchboard meters every second as active
 * (never under-counting).
 */
export const DEFAULT_LIVE_PRICES: LivePriceTable = {
  'gpt-live-1': { activePerMinute: 0.05, standbyPerMinute: 0.05 },
  'gpt-live-1.1': { activePerMinute: 0.05, standbyPerMinute: 0.02 },
};

/** Defaults from OpenAI's published Responses prices; override with SWITCHBOARD_BACKEND_PRICE_TABLE. */
export const DEFAULT_BACKEND_PRICES: BackendPriceTable = {
  'gpt-5.5': { textIn: 5, textCached: 0.5, textOut: 30 },
};

/** A model missing from a table is priced as the dearest known one, so spend is never under-counted. */
export function dearest<T extends object>(table: Readonly<Record<string, T>>, key: keyof T): T {
  return Object.values(table).reduce((a, b) => (Number(b[key]) > Number(a[key]) ? b : a));
}

export function parseLivePrices(json: string | undefined): LivePriceTable | string {
  return parsePriceOverrides(
    json,
    ['activePerMinute', 'standbyPerMinute'],
    DEFAULT_LIVE_PRICES,
    'USD per minute',
  );
}

export function parseBackendPrices(json: string | undefined): BackendPriceTable | string {
  return parsePriceOverrides(
    json,
    ['textIn', 'textCached', 'textOut'],
    DEFAULT_BACKEND_PRICES,
    'USD per 1M tokens',
  );
}

/**
 * Seconds between two usage reports a budget must still cover: the API reports cumulative
 * seconds now and then, so what is left must pay for the time until the next report.
 */
export const LIVE_REPORT_INTERVAL_SECONDS = 10;

/** Session time of `model`, USD per second, at the dearer of active and standby. */
export function liveUsdPerSecond(table: LivePriceTable, model: string): number {
  const prices = table[model] ?? dearest(table, 'activePerMinute');
  return Math.max(prices.activePerMinute, prices.standbyPerMinute) / 60;
}

/**
 * The most the next billable event of a Live session can cost: a backend response reading
 * `lastInputTokens` and writing its whole output cap (none with a client handler: its model is
 * the application's to bill), plus session time until the next usage report.
 */
export function liveEventCeilingUsd(
  tables: { readonly livePrices: LivePriceTable; readonly backendPrices: BackendPriceTable },
  session: { model: string; backendModel?: string; maxOutputTokens: number },
  lastInputTokens: number,
): number {
  const time = LIVE_REPORT_INTERVAL_SECONDS * liveUsdPerSecond(tables.livePrices, session.model);
  if (session.backendModel === undefined) return time;
  const prices =
    tables.backendPrices[session.backendModel] ?? dearest(tables.backendPrices, 'textOut');
  return (lastInputTokens * prices.textIn + session.maxOutputTokens * prices.textOut) / 1e6 + time;
}
