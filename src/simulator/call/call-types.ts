/** A server event as sent on the wire. */
export interface ServerEvent {
  type: string;
  event_id?: string;
  [field: string]: unknown;
}

/** How an event reached or left the call. */
export type Via = 'datachannel' | 'sideband' | 'websocket' | 'http' | 'simulator';

/**
 * One connection that receives the call's server events. Its methods may throw; the call guards
 * every use (see event-delivery.ts), so a transport only says how to write and what fits.
 */
export interface EventSink {
  readonly via: Via;
  /** The largest client event it accepts, in bytes. */
  readonly maxIncomingBytes: number;
  /** The largest message the peer takes, in bytes (`Infinity`: no limit). */
  readonly maxOutgoingBytes: number;
  /** Writes one serialized server event. */
  write(text: string): void;
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
  /** `fault`: something the simulator could not do for a connection (see `DeliveryFault`). */
  readonly direction: 'in' | 'out' | 'fault';
  readonly via: Via;
  readonly event: unknown;
}

export type CallKind = 'webrtc' | 'websocket' | 'sip';

/**
 * What the WebRTC answerer needs of a session, whichever API it belongs to (a Realtime call or a
 * Live session): where caller audio goes, how its data channel joins it, and its lifecycle.
 */
export interface MediaSession {
  readonly audioStats: { packetsIn: number; packetsOut: number };
  readonly state: CallState;
  /** Set by the answerer: plays the assistant's speech over RTP. */
  audioOutput?: AudioOutput;
  /** Decoded caller audio (16-bit mono PCM). */
  pushCallerAudio(samples: Int16Array, sampleRate: number): void;
  /** The `oai-events` data channel opened: attach it and send what a new connection gets. */
  openDataChannel(sink: EventSink): void;
  receiveFrom(sink: EventSink, data: string | Buffer): void;
  detach(sink: EventSink): void;
  /** The peer connection closed (`graceful`) or failed. */
  peerDisconnected(graceful: boolean): void;
  onEnded(listener: () => void): void;
  fault(via: Via, fault: { kind: 'write_failed' | 'close_failed'; error: string }): void;
}
export type CallState = 'ringing' | 'active' | 'ended';
