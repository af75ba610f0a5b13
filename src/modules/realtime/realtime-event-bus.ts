import { Injectable } from '@nestjs/common';
import type OpenAI from 'openai';

import { TypedEventBus } from '../../common/events/typed-event-bus.js';

/**
 * A Realtime server event as it arrives on a sideband, typed by the `openai` SDK's union, so a
 * check of `event.type` narrows it to that event's shape. (The wire is trusted as far as the SDK
 * trusts it; a type the SDK does not know yet arrives too, and matches no branch.)
 */
export type RealtimeServerEvent = OpenAI.Realtime.RealtimeServerEvent;
export type ServerEventType = RealtimeServerEvent['type'];
export type ServerEventOf<T extends ServerEventType> = Extract<RealtimeServerEvent, { type: T }>;

/**
 * Every server event, also under its own type: `bus.on('server:response.done', …)` gets that
 * shape. Prefixed, so no type the wire sends can pose as one of the sideband's own events.
 */
type ServerEventsByType = {
  readonly [T in ServerEventType as `server:${T}`]: {
    readonly callId: string;
    readonly event: ServerEventOf<T>;
  };
};

/** The sideband's own events. */
export interface SidebandEvents {
  /** Any server event of a call Switchboard controls. */
  'sideband.event': { readonly callId: string; readonly event: RealtimeServerEvent };
  'sideband.connected': { readonly callId: string; readonly reconnect: boolean };
  /** This replica let go of the call's sideband (session ended, lease lost, shutdown). */
  'sideband.closed': { readonly callId: string };
  /** Reconnecting failed for good, or OpenAI no longer knows the call. */
  'sideband.lost': { readonly callId: string; readonly reason: string };
}

/** Everything the realtime module tells the rest of the app, by name. */
export type RealtimeEvents = SidebandEvents & ServerEventsByType;

/** A typed in-process bus: modules subscribe by event name, payloads are checked at compile time. */
@Injectable()
export class RealtimeEventBus extends TypedEventBus<RealtimeEvents> {
  constructor() {
    super(RealtimeEventBus.name, 'A realtime event handler failed');
  }
}
