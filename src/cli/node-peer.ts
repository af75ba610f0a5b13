import { MediaStreamTrack, RTCPeerConnection, useOPUS, type RTCDataChannel } from 'werift';

/** One event of the voice API's data channel, parsed. */
export type DataChannelEvent = Record<string, unknown>;

/**
 * The browser's side of a voice call, played by werift under Node: an offer with one audio
 * transceiver and the `oai-events` data channel, as a page's `RTCPeerConnection` makes it. It
 * sends no audio: the test call types its turns.
 */
export class NodePeer {
  private readonly pc: RTCPeerConnection;
  private readonly channel: RTCDataChannel;
  private closed = false;

  constructor(onEvent: (event: DataChannelEvent) => void, onLost: () => void) {
    // max-bundle: one ICE transport; werift leaks the unbundled one's socket on close otherwise.
    this.pc = new RTCPeerConnection({
      codecs: { audio: [useOPUS()], video: [] },
      bundlePolicy: 'max-bundle',
    });
    this.pc.addTransceiver(new MediaStreamTrack({ kind: 'audio' }), { direction: 'sendrecv' });
    this.channel = this.pc.createDataChannel('oai-events');
    this.channel.onMessage.subscribe((message) => {
      const event = parseEvent(message.toString());
      if (event) onEvent(event);
    });
    this.channel.stateChanged.subscribe((state) => state === 'closed' && this.lost(onLost));
    this.pc.connectionStateChange.subscribe(
      (state) => (state === 'failed' || state === 'closed') && this.lost(onLost),
    );
  }

  /** The SDP offer, once ICE gathering is complete (the proxy route takes no trickled candidates). */
  async offer(): Promise<string> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    await new Promise<void>((resolve) => {
      if (this.pc.iceGatheringState === 'complete') return resolve();
      this.pc.iceGatheringStateChange.subscribe((state) => state === 'complete' && resolve());
    });
    return this.pc.localDescription!.sdp;
  }

  /** Applies the answer; resolves once the data channel is open. */
  async accept(answerSdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    await new Promise<void>((resolve) => {
      if (this.channel.readyState === 'open') return resolve();
      this.channel.stateChanged.subscribe((state) => state === 'open' && resolve());
    });
  }

  send(event: DataChannelEvent): void {
    this.channel.send(JSON.stringify(event));
  }

  /** Closes the connection; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pc.close();
  }

  private lost(onLost: () => void): void {
    if (!this.closed) onLost();
  }
}

function parseEvent(text: string): DataChannelEvent | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as DataChannelEvent)
      : undefined;
  } catch {
    return undefined;
  }
}
