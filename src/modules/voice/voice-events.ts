import { Injectable } from '@nestjs/common';

import { TypedEventBus } from '../../common/events/typed-event-bus.js';
import type { SessionConfig } from './session-config.js';

/** A function call the model proposed; nothing runs until the tool pipeline says so. */
export interface ProposedToolCall {
  readonly toolCallId: string;
  readonly name: string;
  /** The model's arguments, as the JSON text it wrote. */
  readonly arguments: string;
}

/** What one billable event of a call cost, priced by the adapter from the API's own usage. */
export interface CallCharge {
  readonly costUsd: number;
  readonly responses: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly transcriptions: number;
  /**
   * Session time an API bills by the second (GPT-Live): its cumulative seconds and their price;
   * only seconds not yet charged are added.
   */
  readonly sessionSeconds?: { readonly cumulative: number; readonly usdPerSecond: number };
  /** Charged at most once per session: an API that replays events names each charge. */
  readonly onceKey?: string;
}

/** What a voice API's adapter tells governance, by name, whichever API the call runs on. */
export interface VoiceCallEvents {
  /** The model finished a turn that proposed these calls (a withdrawn turn proposes none). */
  'call.tool_calls': { readonly callId: string; readonly calls: readonly ProposedToolCall[] };
  /**
   * A billable event happened. Prices depend on the session's model, so the adapter hands a
   * pricing function, and what the next response may cost at most (the budget must cover it).
   */
  'call.charged': {
    readonly callId: string;
    readonly price: (config: SessionConfig) => CallCharge;
    readonly nextResponseUsd: (config: SessionConfig) => number;
  };
  /** Someone spoke in the call (the caller or the voice): it is not idle. */
  'call.activity': { readonly callId: string };
  /** The control channel is gone for good (reconnecting failed, or the API no longer knows it). */
  'call.lost': { readonly callId: string; readonly reason: string };
}

/** The bus adapters emit `VoiceCallEvents` on and governance listens to. */
@Injectable()
export class VoiceEvents extends TypedEventBus<VoiceCallEvents> {
  constructor() {
    super(VoiceEvents.name, 'A voice event listener failed');
  }
}
