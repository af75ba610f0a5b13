import { Injectable } from '@nestjs/common';

import { TypedEventBus } from '../../common/events/typed-event-bus.js';

/** A Realtime server event as it arrives on a sideband. */
export interface RealtimeServerEvent {
  readonly type: string;
  readonly event_id?: string;
  readonly [field: string]: unknown;
}

/** Everything the realtime module tells the rest of the app, by name. */
export interface RealtimeEvents {
  /** Any server event of a call Switchboard controls. */
  'sideband.event': { readonly callId: string; readonly event: RealtimeServerEvent };
  'sideband.connected': { readonly callId: string; readonly reconnect: boolean };
  /** This replica let go of the call's sideband (session ended, lease lost, shutdown). */
  'sideband.closed': { readonly callId: string };
  /** Reconnecting failed for good, or OpenAI no longer knows the call. */
  'sideband.lost': { readonly callId: string; readonly reason: string };
}

/** A typed in-process bus: modules subscribe by event name, payloads are checked at compile time. */
@Injectable()
export class RealtimeEventBus extends TypedEventBus<RealtimeEvents> {
  constructor() {
    super(RealtimeEventBus.name, 'A realtime event handler failed');
  }
}
