import { Injectable } from '@nestjs/common';
import type OpenAI from 'openai';

import { TypedEventBus } from '../../common/events/typed-event-bus.js';

/**
 * A GPT-Live server event as it arrives on the sideband, typed by the `openai` SDK's union (a
 * type the SDK does not know yet arrives too, and matches no branch).
 */
export type LiveServerEvent = OpenAI.Live.ServerEvent;

/** What the GPT-Live sideband tells the rest of the app, by name. */
export interface LiveSidebandEvents {
  /** Any server event of a Live session Switchboard controls (its session id is `callId`). */
  'live.event': { readonly callId: string; readonly event: LiveServerEvent };
  'live.connected': { readonly callId: string; readonly reconnect: boolean };
  /** This replica let go of the session's sideband (session ended, lease lost, shutdown). */
  'live.closed': { readonly callId: string };
  /** Reconnecting failed for good, or OpenAI no longer knows the session. */
  'live.lost': { readonly callId: string; readonly reason: string };
}

@Injectable()
export class LiveEventBus extends TypedEventBus<LiveSidebandEvents> {
  constructor() {
    super(LiveEventBus.name, 'A GPT-Live event handler failed');
  }
}
