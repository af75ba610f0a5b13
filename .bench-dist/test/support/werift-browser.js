import OpusScript from 'opusscript';
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, useOPUS } from 'werift';
import { EventStream } from './event-stream.js';
const FRAME_SAMPLES = 960;
/**
 * Plays the browser's part of a Realtime WebRTC call with werift: an offer with one audio track and
 * the `oai-events` data channel; records data-channel events and counts RTP packets received.
 */ export class WeriftBrowser {
    constructor(options = {}){
        this.options = options;
        this.stream = new EventStream();
        this.rtpReceived = 0;
        this.microphone = new MediaStreamTrack({
            kind: 'audio'
        });
        this.encoder = new OpusScript(48_000, 1, OpusScript.Application.VOIP);
        this.sequence = 0;
        this.timestamp = 0;
        // max-bundle: one ICE transport; werift leaks the unbundled one's socket on close otherwise.
        this.pc = new RTCPeerConnection({
            codecs: {
                audio: [
                    useOPUS()
                ],
                video: []
            },
            bundlePolicy: 'max-bundle',
            ...options.maxMessageBytes === undefined ? {} : {
                maxMessageSize: options.maxMessageBytes
            }
        });
        this.pc.addTransceiver(this.microphone, {
            direction: 'sendrecv'
        });
        this.channel = this.pc.createDataChannel('oai-events');
        this.channel.onMessage.subscribe((m)=>this.stream.push(JSON.parse(m.toString())));
        this.pc.onTrack.subscribe((track)=>track.onReceiveRtp.subscribe(()=>this.rtpReceived += 1));
    }
    /** The SDP offer, after ICE gathering. */ async offer() {
        await this.pc.setLocalDescription(await this.pc.createOffer());
        await new Promise((resolve)=>{
            if (this.pc.iceGatheringState === 'complete') return resolve();
            this.pc.iceGatheringStateChange.subscribe((state)=>state === 'complete' && resolve());
        });
        return this.pc.localDescription.sdp;
    }
    async accept(answerSdp) {
        // RFC 8841: 0 means "no limit", so werift stops checking what it sends.
        const sdp = this.options.ignoreAnnouncedLimit ? answerSdp.replace(/^a=max-message-size:\d+/m, 'a=max-message-size:0') : answerSdp;
        await this.pc.setRemoteDescription({
            type: 'answer',
            sdp
        });
        await new Promise((resolve)=>{
            if (this.channel.readyState === 'open') return resolve();
            this.channel.stateChanged.subscribe((state)=>state === 'open' && resolve());
        });
    }
    send(event) {
        this.channel.send(JSON.stringify(event));
    }
    /** Speaks: `loudMs` of a 300 Hz tone, then `silentMs` of silence, in real-time 20 ms frames. */ async speak(loudMs, silentMs) {
        for(let ms = 0; ms < loudMs + silentMs; ms += 20){
            // Encode every frame, as a real encoder does: Opus carries state from frame to frame.
            this.sendFrame(this.encodeFrame(ms < loudMs ? 8000 : 0));
            await new Promise((resolve)=>setTimeout(resolve, 20));
        }
    }
    get connectionState() {
        return this.pc.connectionState;
    }
    async close() {
        this.encoder.delete();
        await this.pc.close();
    }
    encodeFrame(amplitude) {
        const pcm = new Int16Array(FRAME_SAMPLES);
        for(let i = 0; i < FRAME_SAMPLES; i++)pcm[i] = Math.round(amplitude * Math.sin(2 * Math.PI * 300 * i / 48_000));
        return Buffer.from(this.encoder.encode(Buffer.from(pcm.buffer), FRAME_SAMPLES));
    }
    sendFrame(payload) {
        const payloadType = this.pc.getTransceivers()[0].codecs[0]?.payloadType ?? 111;
        const header = new RtpHeader({
            payloadType,
            sequenceNumber: this.sequence,
            timestamp: this.timestamp
        });
        this.sequence = this.sequence + 1 & 0xffff;
        this.timestamp = this.timestamp + FRAME_SAMPLES >>> 0;
        this.microphone.writeRtp(new RtpPacket(header, payload));
    }
}

//# sourceMappingURL=werift-browser.js.map