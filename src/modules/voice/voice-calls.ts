import type { SessionConfig } from './session-config.js';

/** The voice API does not know the call (it ended, or it never existed). */
export class CallNotFoundUpstreamError extends Error {
  override name = 'CallNotFoundUpstreamError';
}

/** The voice API refused a request (bad offer, quota, outage); its own words, for the caller. */
export class VoiceApiRefusedError extends Error {
  override name = 'VoiceApiRefusedError';
}

/**
 * The port through which sessions create, watch and end calls on a voice API. The OpenAI Realtime
 * API is the first adapter (`realtime/realtime-calls.ts`); a second one implements these same
 * methods and the sessions module does not change.
 */
export abstract class VoiceCalls {
  /** Creates the call from the page's SDP offer with the server-built session; the SDP answer. */
  abstract createCall(
    offer: string,
    session: SessionConfig,
  ): Promise<{ readonly callId: string; readonly answer: string }>;

  /**
   * A short-lived secret the page connects with itself (ephemeral mode). An API without such
   * secrets throws `VoiceApiRefusedError`.
   */
  abstract mintClientSecret(
    session: SessionConfig,
    ttlSeconds: number,
  ): Promise<{ readonly value: string; readonly expiresAt: Date }>;

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
