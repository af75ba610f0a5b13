import {
  MediaStreamTrack,
  RTCPeerConnection,
  RtpHeader,
  RtpPacket,
  useOPUS,
  type RTCDataChannel,
} from 'werift';

import type { AudioOutput, EventSink, MediaSession } from '../call/call-types.js';
import { messageOf } from '../call/event-delivery.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { dataChannelLimit } from './message-limits.js';
import { FRAME_SAMPLES, OpusDecoder, opusToneFrame } from './opus-tone.js';
import { guardSctpFlightSize } from './werift-sctp-guard.js';

const DATA_CHANNEL_LABEL = 'oai-events';
const FRAME_MS = 20;
const ICE_GATHERING_TIMEOUT_MS = 5000;
/** How long an ending call waits for its data channel to send what it holds. */
const DRAIN_TIMEOUT_MS = 1000;

/**
 * The simulator's side of a WebRTC call (werift): one bidirectional Opus audio m-line and the
 * `oai-events` data channel, as both voice APIs answer. Caller audio feeds the session's turn
 * detection; while the assistant "speaks" a tone is sent back over RTP.
 */
export async function answerOffer(call: MediaSession, offerSdp: string): Promise<string> {
  if (!/^m=audio /m.test(offerSdp) || !/^m=application /m.test(offerSdp)) {
    throw OpenAIError.invalidRequest(
      'The SDP offer must contain one audio m-line and a data channel (m=application).',
      'invalid_offer',
      'sdp',
    );
  }
  const pc = new RTCPeerConnection({
    codecs: { audio: [useOPUS()], video: [] },
    bundlePolicy: 'max-bundle',
  });
  const outbound = new MediaStreamTrack({ kind: 'audio' });
  const decoder = new OpusDecoder();
  // Subscribe before applying the offer: werift announces the remote track while doing so.
  pc.onTrack.subscribe((track) =>
    track.onReceiveRtp.subscribe((rtp) => {
      call.audioStats.packetsIn += 1;
      if (call.state !== 'active') return;
      try {
        call.pushCallerAudio(decoder.decode(rtp.payload), 48_000);
      } catch {
        // A packet that does not decode (e.g. comfort noise) carries no speech.
      }
    }),
  );
  const channels: RTCDataChannel[] = [];
  pc.onDataChannel.subscribe((channel) => {
    if (channel.label !== DATA_CHANNEL_LABEL) return;
    channels.push(channel);
    attachDataChannel(call, pc, channel);
  });
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
  } catch (error) {
    await pc.close();
    throw OpenAIError.invalidRequest(
      `Invalid SDP offer: ${(error as Error).message}`,
      'invalid_offer',
      'sdp',
    );
  }
  const transceiver = pc.getTransceivers().find((t) => t.kind === 'audio');
  if (!transceiver)
    throw OpenAIError.invalidRequest('No audio m-line in the offer.', 'invalid_offer', 'sdp');
  transceiver.setDirection('sendrecv');
  await transceiver.sender.replaceTrack(outbound);

  pc.connectionStateChange.subscribe((state) => {
    if (state === 'failed' || state === 'closed') call.peerDisconnected(state === 'closed');
  });
  call.audioOutput = new RtpToneOutput(outbound, () => payloadType(transceiver.codecs), call);
  call.onEnded(() => {
    decoder.close();
    // The last events (Live's session.closed) are still in SCTP's queue: let them leave first.
    void drained(channels).then(() =>
      pc
        .close()
        .catch((error: unknown) =>
          call.fault('datachannel', { kind: 'close_failed', error: messageOf(error) }),
        ),
    );
  });

  await pc.setLocalDescription(await pc.createAnswer());
  await iceGatheringComplete(pc);
  return pc.localDescription!.sdp;
}

/** Resolves once every channel has sent what it holds, or after a second at most. */
function drained(channels: readonly RTCDataChannel[]): Promise<void> {
  const waits = channels
    .filter((channel) => channel.readyState === 'open' && channel.bufferedAmount > 0)
    .map(
      (channel) =>
        new Promise<void>((resolve) => {
          channel.bufferedAmountLowThreshold = 0;
          channel.bufferedAmountLow.once(() => resolve());
        }),
    );
  const cap = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref());
  return Promise.race([Promise.all(waits).then(() => undefined), cap]);
}

function payloadType(codecs: { mimeType: string; payloadType: number }[]): number {
  return codecs.find((codec) => codec.mimeType.toLowerCase() === 'audio/opus')?.payloadType ?? 111;
}

async function iceGatheringComplete(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ICE_GATHERING_TIMEOUT_MS);
    pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/**
 * The call's sink on the data channel, attached once it opens. werift checks what it sends against
 * the page's `a=max-message-size` (and throws), but not what it receives against its own: the
 * call checks both, with the numbers werift negotiated.
 */
function attachDataChannel(
  call: MediaSession,
  pc: RTCPeerConnection,
  channel: RTCDataChannel,
): void {
  const sctp = pc.sctpTransport;
  guardSctpFlightSize((sctp as unknown as { sctp?: unknown } | undefined)?.sctp);
  const sink: EventSink = {
    via: 'datachannel',
    maxIncomingBytes: dataChannelLimit(sctp?.maxMessageSize),
    get maxOutgoingBytes() {
      return dataChannelLimit(sctp?.remoteMaxMessageSize);
    },
    write: (text) => {
      if (channel.readyState !== 'open')
        throw new Error(`the data channel is ${channel.readyState}`);
      channel.send(text);
    },
    // Closed with the peer connection, once what was sent has left (see `drained`).
    close: () => undefined,
  };
  const open = () => call.openDataChannel(sink);
  if (channel.readyState === 'open') open();
  else channel.stateChanged.subscribe((state) => state === 'open' && open());
  channel.onMessage.subscribe((message) => call.receiveFrom(sink, message));
  channel.stateChanged.subscribe((state) => state === 'closed' && call.detach(sink));
}

/** Sends 20 ms tone frames in real time for as long as the assistant speaks. */
class RtpToneOutput implements AudioOutput {
  private sequence = Math.floor(Math.random() * 0xffff);
  private timestamp = Math.floor(Math.random() * 0xffffffff);
  private timer?: NodeJS.Timeout;
  private finish?: () => void;

  constructor(
    private readonly track: MediaStreamTrack,
    private readonly payloadType: () => number,
    private readonly call: MediaSession,
  ) {}

  play(durationMs: number): Promise<void> {
    this.stop();
    return new Promise((resolve) => {
      this.finish = resolve;
      const frames = Math.max(1, Math.round(durationMs / FRAME_MS));
      let sent = 0;
      this.timer = setInterval(() => {
        try {
          this.sendFrame(sent === 0);
        } catch (error) {
          // A failed RTP write ends this playback, never the process.
          const failure = `RTP: ${messageOf(error)}`;
          this.call.fault('simulator', { kind: 'write_failed', error: failure });
          return this.stop();
        }
        if (++sent >= frames) this.stop();
      }, FRAME_MS);
    });
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const finish = this.finish;
    this.finish = undefined;
    finish?.();
  }

  private sendFrame(marker: boolean): void {
    const header = new RtpHeader({
      payloadType: this.payloadType(),
      sequenceNumber: this.sequence,
      timestamp: this.timestamp,
      marker,
    });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + FRAME_SAMPLES) >>> 0;
    this.track.writeRtp(new RtpPacket(header, opusToneFrame()));
    this.call.audioStats.packetsOut += 1;
  }
}
