import { Injectable, Logger } from '@nestjs/common';
import OpenAI from 'openai';

import {
  realtimeConfigOf,
  VoiceApiRefusedError,
  VoiceCalls,
  type SessionConfig,
} from '../voice/index.js';
import { SidebandConnections } from './sideband-connections.js';

/**
 * The Realtime API behind the `VoiceCalls` port: calls are created from an SDP offer with the
 * standard key (`POST /v1/realtime/calls`, the call id is the `Location` header's last segment),
 * client secrets are minted per session, the control channel is the sideband WebSocket.
 */
@Injectable()
export class RealtimeCalls extends VoiceCalls {
  private readonly logger = new Logger(RealtimeCalls.name);

  constructor(
    private readonly openai: OpenAI,
    private readonly sidebands: SidebandConnections,
  ) {
    super();
  }

  async createCall(offer: string, session: SessionConfig) {
    try {
      const response = await this.openai.realtime.calls.create({
        sdp: offer,
        session: realtimeConfigOf(session),
      });
      const answer = await response.text();
      const callId = response.headers.get('location')?.split('/').pop() ?? '';
      if (!callId)
        throw new VoiceApiRefusedError('OpenAI answered without a call id (Location header).');
      return { callId, answer };
    } catch (error) {
      if (error instanceof OpenAI.APIError)
        throw new VoiceApiRefusedError(`OpenAI refused the offer: ${error.message}`);
      throw error;
    }
  }

  async mintClientSecret(session: SessionConfig, ttlSeconds: number) {
    try {
      const secret = await this.openai.realtime.clientSecrets.create({
        expires_after: { anchor: 'created_at', seconds: ttlSeconds },
        session: realtimeConfigOf(session),
      });
      return {
        value: secret.value,
        expiresAt: new Date(secret.expires_at * 1000),
        // The page needs no OpenAI URL of its own: the simulator's in development, OpenAI's else.
        callsUrl: `${this.openai.baseURL.replace(/\/+$/, '')}/realtime/calls`,
      };
    } catch (error) {
      if (error instanceof OpenAI.APIError)
        throw new VoiceApiRefusedError(`OpenAI refused the client secret: ${error.message}`);
      throw error;
    }
  }

  attach(callId: string): Promise<void> {
    return this.sidebands.open(callId);
  }

  detach(callId: string): void {
    this.sidebands.close(callId);
  }

  isAttached(callId: string): boolean {
    return this.sidebands.isWanted(callId);
  }

  isConnected(callId: string): boolean {
    return this.sidebands.isOpen(callId);
  }

  async hangup(callId: string): Promise<void> {
    this.sidebands.close(callId);
    try {
      await this.openai.realtime.calls.hangup(callId);
    } catch (error) {
      // 404: the call is already gone, which is what we wanted.
      if (!(error instanceof OpenAI.NotFoundError))
        this.logger.error({ callId, err: (error as Error).message }, 'Hanging up the call failed');
    }
  }
}
