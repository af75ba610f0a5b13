import type { SessionConfig, VoiceApi } from './session-config.js';

/** The voice API does not know the call (it ended, or it never existed). */
export class CallNotFoundUpstreamError extends Error {
  override name = 'CallNotFoundUpstreamError';
}

/** The voice API refused a request (bad offer, quota, outage); its own words, for the caller. */
export class VoiceApiRefusedError extends Error {
  override name = 'VoiceApiRefusedError';
}

/**
 * Which API a call id belongs to. OpenAI names them apart: Realtime calls `rtc_…`, GPT-Live
 * sessions `live_…` (the SIP webhooks carry one of each for one phone call). Deciding by the id
 * needs no lookup, so any replica routes any call, also one it never saw.
 */
export function voiceApiOfCall(callId: string): VoiceApi {
  return callId.startsWith('live_') ? 'live' : 'realtime';
}

/**
 * The port through which sessions create, watch and end calls on a voice API. The OpenAI Realtime
 * API (`realtime/realtime-calls.ts`) and GPT-Live (`gpt-live/live-calls.ts`) implement it; the
 * app binds `VoiceCalls` to a router over both (`voice-call-router.ts`), so the sessions module
 * never knows which API a call runs on.
 */
export abstract class VoiceCalls {
  /** Creates the call from the page's SDP offer with the server-built session; the SDP answer. */
  abstract createCall(
    offer: string,
    session: SessionConfig,
  ): Promise<{ readonly callId: string; readonly answer: string }>;

  /**
   * A short-lived secret the page connects with itself (ephemeral mode), and the URL it posts its
   * offer to with it. An API without such secrets throws `VoiceApiRefusedError`.
   */
  abstract mintClientSecret(
    session: SessionConfig,
    ttlSeconds: number,
  ): Promise<{ readonly value: string; readonly expiresAt: Date; readonly callsUrl: string }>;

  /**
   * Opens the server's control channel to the call and keeps it open (reconnecting) until
   * `detach`; resolves once connected. Throws `CallNotFoundUpstreamError` for an unknown call.
   */
  abstract attach(callId: string): Promise<void>;

  /** Lets go of the control channel (no more events from the call on this replica). */
  abstract detach(callId: string): void;

  /** Whether this replica holds (or is re-opening) the call's control channel. */
  abstract isAttached(callId: string): boolean;

  /** Whether the control channel is connected right now (something can be said). */
  abstract isConnected(callId: string): boolean;

  /** Ends the call for everyone on it; a call that is already gone is not an error. */
  abstract hangup(callId: string): Promise<void>;
}
