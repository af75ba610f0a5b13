/** A server event as sent on the wire. */
export interface ServerEvent {
  type: string;
  event_id?: string;
  [field: string]: unknown;
}

/** How an event reached or left the call. */
export type Via = 'datachannel' | 'sideband' | 'websocket' | 'http' | 'simulator';

/** One connection that receives the call's server events. */
export interface EventSink {
  readonly via: Via;
  send(event: ServerEvent): void;
  close(code?: number, reason?: string): void;
}

/** Plays assistant audio on the call's media path (WebRTC RTP); absent for SIP/WebSocket. */
export interface AudioOutput {
  /** Sends audio for `durationMs`; resolves when done or stopped. */
  play(durationMs: number): Promise<void>;
  stop(): void;
}

export interface LoggedEvent {
  /** Milliseconds since the Unix epoch. */
  readonly at: number;
  readonly direction: 'in' | 'out';
  readonly via: Via;
  readonly event: unknown;
}

export type CallKind = 'webrtc' | 'websocket' | 'sip';
export type CallState = 'ringing' | 'active' | 'ended';
