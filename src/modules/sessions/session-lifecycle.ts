import { Injectable } from '@nestjs/common';

import { TypedEventBus } from '../../common/events/typed-event-bus.js';
import type { SessionRecord } from './session.record.js';

/** What the sessions module tells the modules that govern a live call, by name. */
export interface SessionLifecycleEvents {
  /**
   * This replica is about to open the call's control channel (connecting, binding or taking over).
   * Emitted before the first event can arrive, so a listener can be ready for it.
   */
  'call.watching': { readonly session: SessionRecord; readonly callId: string };
  /** The session is active and this replica holds its control channel. */
  'call.attached': {
    readonly session: SessionRecord;
    readonly callId: string;
    /** Taken over from another replica, rather than connected just now. */
    readonly takeover: boolean;
  };
  /** The session ended and this replica let go of whatever it held for it. */
  'call.released': { readonly sessionId: string; readonly callId: string | null };
}

/**
 * Lifecycle events of sessions on this replica. The live-call modules listen; sessions never
 * imports them, so the dependency points one way.
 */
@Injectable()
export class SessionLifecycle extends TypedEventBus<SessionLifecycleEvents> {
  constructor() {
    super(SessionLifecycle.name, 'A session lifecycle listener failed');
  }
}
