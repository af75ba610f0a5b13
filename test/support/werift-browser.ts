import OpusScript from 'opusscript';
import {
  MediaStreamTrack,
  RTCPeerConnection,
  RtpHeader,
  RtpPacket,
  useOPUS,
  type RTCDataChannel,
} from 'werift';

import { EventStream, type RealtimeEvent } from './event-stream.js';

const FRAME_SAMPLES = 960;

export interface WeriftBrowserOptions {
  /** The `a=max-message-size` it announces (werift's default 65536; Chromium announces 262144). */
  readonly maxMessageBytes?: number;
  /** Plays a client that ignores the answer's `a=max-message-size` and sends messages of any size. */
  readonly ignoreAnnouncedLimit?: boolean;
}

/**
 * Plays the browser's part of a Realtime WebRTC call with werift: an offer with one audio track and
 * the `oai-events` data channel; records data-channel events and counts RTP packets received.
 */
export class WeriftBrowser {
  readonly stream = new EventStream();
  rtpReceived = 0;
  private readonly pc: RTCPeerConnection;
  private readonly microphone = new MediaStreamTrack({ kind: 'audio' });
  private readonly channel: RTCDataChannel;
  private readonly encoder = new OpusScript(48_000, 1, OpusScript.Application.VOIP);
  private sequence = 0;
  private timestamp = 0;

  constructor(private readonly options: WeriftBrowserOptions = {}) {
    // max-bundle: one ICE transport; werift leaks the unbundled one's socket on close otherwise.
    this.pc = new RTCPeerConnection({
      codecs: { audio: [useOPUS()], video: [] },
      bundlePolicy: 'max-bundle',
      ...(options.maxMessageBytes === undefined ? {} : { maxMessageSize: options.maxMessageBytes }),
    });
    this.pc.addTransceiver(this.microphone, { direction: 'sendrecv' });
    this.channel = this.pc.createDataChannel('oai-events');
    this.channel.onMessage.subscribe((m) =>
      this.stream.push(JSON.parse(m.toString()) as RealtimeEvent),
    );
    this.pc.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe(() => (this.rtpReceived += 1)),
    );
  }

  /** The SDP offer, after ICE gathering. */
  async offer(): Promise<string> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    await new Promise<void>((resolve) => {
      if (this.pc.iceGatheringState === 'complete') return resolve();
      this.pc.iceGatheringStateChange.subscribe((state) => state === 'complete' && resolve());
    });
    return this.pc.localDescription!.sdp;
  }

  async accept(answerSdp: string): Promise<void> {
    // RFC 8841: 0 means "no limit", so werift stops checking what it sends.
    const sdp = this.options.ignoreAnnouncedLimit
      ? answerSdp.replace(/^a=max-message-size:\d+/m, 'a=max-message-size:0')
      : answerSdp;
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
    await new Promise<void>((resolve) => {
      if (this.channel.readyState === 'open') return resolve();
      this.channel.stateChanged.subscribe((state) => state === 'open' && resolve());
    });
  }

  send(event: Record<string, unknown>): void {
    this.channel.send(JSON.stringify(event));
  }

  /** Speaks: `loudMs` of a 300 Hz tone, then `silentMs` of silence, in real-time 20 ms frames. */
  async speak(loudMs: number, silentMs: number): Promise<void> {
    for (let ms = 0; ms < loudMs + silentMs; ms += 20) {
      // Encode every frame, as a real encoder does: Opus carries state from frame to frame.
      this.sendFrame(this.encodeFrame(ms < loudMs ? 8000 : 0));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  get connectionState(): string {
    return this.pc.connectionState;
  }

  async close(): Promise<void> {
    this.encoder.delete();
    await this.pc.close();
  }

  private encodeFrame(amplitude: number): Buffer {
    const pcm = new Int16Array(FRAME_SAMPLES);
    for (let i = 0; i < FRAME_SAMPLES; i++)
      pcm[i] = Math.round(amplitude * Math.sin((2 * Math.PI * 300 * i) / 48_000));
    return Buffer.from(this.encoder.encode(Buffer.from(pcm.buffer), FRAME_SAMPLES));
  }

  private sendFrame(payload: Buffer): void {
    const payloadType = this.pc.getTransceivers()[0].codecs[0]?.payloadType ?? 111;
    const header = new RtpHeader({
      payloadType,
      sequenceNumber: this.sequence,
      timestamp: this.timestamp,
    });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + FRAME_SAMPLES) >>> 0;
    this.microphone.writeRtp(new RtpPacket(header, payload));
  }
}
