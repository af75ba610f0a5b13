import { Injectable, Logger } from '@nestjs/common';
import OpenAI from 'openai';
import WebSocket from 'ws';

import { OpenAIEndpoint } from '../realtime/index.js';
import {
  liveConfigOf,
  liveWireConfig,
  VoiceApiRefusedError,
  VoiceCalls,
  type SessionConfig,
} from '../voice/index.js';
import { LiveEventBus, type LiveServerEvent } from './live-event-bus.js';
import { attachUrl, LiveSidebands } from './live-sidebands.js';

/** How long a hang-up from a replica without the sideband waits for `session.closed`. */
const CLOSE_WAIT_MS = 5000;

/**
 * GPT-Live behind the `VoiceCalls` port: a session is created from the page's SDP offer with the
 * standard key and the server-built config (`POST /v1/live/sessions`, the id is `session.id`),
 * its control channel is the `/attach` sideband (opened by the session connector before the SDP
 * answer goes back, so nothing is missed), and hanging up is `session.close` on a sideband. There
 * are no ephemeral client keys for Live.
 */
@Injectable()
export class LiveCalls extends VoiceCalls {
  private readonly logger = new Logger(LiveCalls.name);

  /** Sessions asked to close, whose sideband stays until `session.closed` reports the usage. */
  private readonly closing = new Set<string>();

  constructor(
    private readonly openai: OpenAI,
    private readonly endpoint: OpenAIEndpoint,
    private readonly sidebands: LiveSidebands,
    private readonly bus: LiveEventBus,
  ) {
    super();
  }

  async createCall(offer: string, session: SessionConfig) {
    try {
      const created = await this.openai.live.create({
        session: liveWireConfig(liveConfigOf(session)),
        transport: { type: 'webrtc', sdp: offer },
      });
      if (!created.session?.id)
        throw new VoiceApiRefusedError('OpenAI answered without a Live session id.');
      return { callId: created.session.id, answer: created.transport.sdp };
    } catch (error) {
      if (error instanceof OpenAI.APIError)
        throw new VoiceApiRefusedError(`OpenAI refused the offer: ${error.message}`);
      throw error;
    }
  }

  mintClientSecret(): Promise<never> {
    return Promise.reject(
      new VoiceApiRefusedError(
        'GPT-Live has no ephemeral client keys: connect this session in proxy mode (POST /v1/sessions/{id}/sdp).',
      ),
    );
  }

  attach(sessionId: string): Promise<void> {
    return this.sidebands.open(sessionId);
  }

  /** Lets go of the sideband, unless a close is under way (it lets go once `session.closed` came). */
  detach(sessionId: string): void {
    if (!this.closing.has(sessionId)) this.sidebands.close(sessionId);
  }

  isAttached(sessionId: string): boolean {
    return this.sidebands.isWanted(sessionId);
  }

  isConnected(sessionId: string): boolean {
    return this.sidebands.isOpen(sessionId);
  }

  /**
   * `session.close` on the sideband this replica holds, else on a sideband opened for it (any
   * replica may attach with the standard key); a session that is already gone is not an error.
   */
  async hangup(sessionId: string): Promise<void> {
    if (this.closing.has(sessionId)) return;
    const closed = this.closedEvent(sessionId);
    if (this.sidebands.send(sessionId, { type: 'session.close' })) {
      // Its `session.closed` carries the last usage seconds: the cost meter still charges them.
      this.closing.add(sessionId);
      await closed.done;
      this.closing.delete(sessionId);
      this.sidebands.close(sessionId);
      return;
    }
    closed.cancel();
    try {
      await this.closeThroughNewSideband(sessionId);
    } catch (error) {
      this.logger.error(
        { sessionId, err: (error as Error).message },
        'Closing the Live session failed',
      );
    }
  }

  /** Resolves when the session's `session.closed` arrives on the bus, or after `CLOSE_WAIT_MS`. */
  private closedEvent(sessionId: string): { done: Promise<void>; cancel: () => void } {
    let stop = () => undefined as void;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), CLOSE_WAIT_MS).unref();
      const unsubscribe = this.bus.on('live.event', ({ callId, event }) => {
        if (callId === sessionId && event.type === 'session.closed') finish();
      });
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      stop = finish;
    });
    return { done, cancel: () => stop() };
  }

  private closeThroughNewSideband(sessionId: string): Promise<void> {
    const socket = new WebSocket(attachUrl(this.endpoint, sessionId), {
      headers: { authorization: `Bearer ${this.endpoint.apiKey}` },
    });
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        socket.terminate();
        resolve();
      };
      const timer = setTimeout(done, CLOSE_WAIT_MS).unref();
      // 404: the session is already gone, which is what we wanted.
      socket.once('unexpected-response', (_req, res) =>
        res.statusCode === 404
          ? done()
          : reject(new Error(`attach refused with HTTP ${res.statusCode}`)),
      );
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'session.close' })));
      socket.on('message', (data) => {
        const event = JSON.parse(data.toString()) as LiveServerEvent;
        if (event.type !== 'session.closed') return;
        // Its final usage is charged like any the owning sideband would have seen.
        this.bus.emit('live.event', { callId: sessionId, event });
        done();
      });
      socket.once('close', done);
    });
  }
}
