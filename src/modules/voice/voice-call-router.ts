import { Inject, Injectable } from '@nestjs/common';

import { isLiveConfig, type SessionConfig } from './session-config.js';
import { VoiceCalls, voiceApiOfCall } from './voice-calls.js';

/** Injection tokens of the two adapters the router chooses between. */
export const REALTIME_CALLS = Symbol('REALTIME_CALLS');
export const LIVE_CALLS = Symbol('LIVE_CALLS');

/**
 * `VoiceCalls` for the whole app: a new call goes to the API its session config is for, every
 * later step to the API its call id names.
 */
@Injectable()
export class VoiceCallRouter extends VoiceCalls {
  constructor(
    @Inject(REALTIME_CALLS) private readonly realtime: VoiceCalls,
    @Inject(LIVE_CALLS) private readonly live: VoiceCalls,
  ) {
    super();
  }

  private forCall(callId: string): VoiceCalls {
    return voiceApiOfCall(callId) === 'live' ? this.live : this.realtime;
  }

  private forConfig(session: SessionConfig): VoiceCalls {
    return isLiveConfig(session) ? this.live : this.realtime;
  }

  createCall(offer: string, session: SessionConfig) {
    return this.forConfig(session).createCall(offer, session);
  }

  mintClientSecret(session: SessionConfig, ttlSeconds: number) {
    return this.forConfig(session).mintClientSecret(session, ttlSeconds);
  }

  attach(callId: string): Promise<void> {
    return this.forCall(callId).attach(callId);
  }

  detach(callId: string): void {
    this.forCall(callId).detach(callId);
  }

  isAttached(callId: string): boolean {
    return this.forCall(callId).isAttached(callId);
  }

  isConnected(callId: string): boolean {
    return this.forCall(callId).isConnected(callId);
  }

  hangup(callId: string): Promise<void> {
    return this.forCall(callId).hangup(callId);
  }
}
