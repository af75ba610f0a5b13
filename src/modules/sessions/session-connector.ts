import { Injectable } from '@nestjs/common';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/index.js';
import {
  CallNotFoundUpstreamError,
  isLiveConfig,
  type SessionConfig,
  VoiceApiRefusedError,
  VoiceCalls,
} from '../voice/index.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SidebandLeases } from './sideband-leases.js';
import type { SessionRecord } from './session.record.js';
import { SessionsRepository, type SessionClaim } from './sessions.repository.js';
import { SidebandLeasesRepository } from './sideband-leases.repository.js';
import { SessionStateError, UpstreamError } from './sessions.errors.js';
import { SessionsService } from './sessions.service.js';

/**
 * Connects a session to its call exactly once, through the voice port: proxy mode (the server
 * forwards the SDP offer with its own key) or ephemeral mode (one short-lived client secret, then
 * the page reports its call id).
 * Each step first claims the session with one conditional UPDATE, so racing requests get one winner.
 */
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class SessionConnector {
  constructor(
    private readonly repository: SessionsRepository,
    private readonly leaseRows: SidebandLeasesRepository,
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly voice: VoiceCalls,
    private readonly leases: SidebandLeases,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  /** Proxy mode: forwards the offer as multipart with the server-built session; returns the answer. */
  async exchangeSdp(principal: Principal, id: string, offer: string): Promise<string> {
    const session = await this.claim(principal, id, 'sdp');
    let call: { callId: string; answer: string };
    try {
      call = await this.voice.createCall(offer, session.config);
    } catch (error) {
      await this.repository.undoConnecting(id);
      if (error instanceof VoiceApiRefusedError) throw new UpstreamError(error.message);
      throw error;
    }
    await this.activate(principal, session, call.callId);
    return call.answer;
  }

  /** Ephemeral mode: one client secret per session, with the server-built config and a short TTL. */
  async mintClientSecret(
    principal: Principal,
    id: string,
  ): Promise<{ value: string; expiresAt: string; callsUrl: string }> {
    const ttl = this.config.sessions.clientSecretTtlSeconds;
    const session = await this.claim(principal, id, 'clientSecret', ttl);
    let secret: { value: string; expiresAt: Date; callsUrl: string };
    try {
      secret = await this.voice.mintClientSecret(session.config, ttl);
    } catch (error) {
      // Nothing was minted, so the session may try again.
      await this.repository.undoClientSecret(id);
      if (error instanceof VoiceApiRefusedError) throw new UpstreamError(error.message);
      throw error;
    }
    const expiresAt = secret.expiresAt.toISOString();
    await this.audit.append({
      actor: actorOf(principal),
      action: 'session.client_secret_minted',
      subject: id,
      data: { ttlSeconds: ttl, expiresAt },
    });
    return { value: secret.value, expiresAt, callsUrl: secret.callsUrl };
  }

  /** Ephemeral mode: binds the call the page created, once, after checking OpenAI knows it. */
  async bindCall(principal: Principal, id: string, callId: string): Promise<SessionRecord> {
    // The UNIQUE constraint on call_id decides races between sessions claiming the same call.
    const session = await this.claim(principal, id, 'bind', callId).catch((error: unknown) => {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new SessionStateError(`Call ${callId} is already bound to a session.`);
      }
      throw error;
    });
    return this.activate(principal, session, callId);
  }

  private async claim(
    principal: Principal,
    id: string,
    claim: SessionClaim,
    value?: unknown,
  ): Promise<SessionRecord> {
    const owned = await this.sessions.getOwned(principal, id);
    const claimed = await this.repository.claim(id, claim, value);
    if (claimed) return claimed;
    throw new SessionStateError(refusal(owned, claim === 'sdp' ? 'proxy' : 'ephemeral'));
  }

  /** Undoes a claim that did not lead to a connection, so the session may try again. */
  private async release(id: string, callId: string): Promise<void> {
    this.voice.detach(callId);
    await this.leaseRows.releaseCall(callId);
    await this.repository.undoConnecting(id);
  }

  private async activate(
    principal: Principal,
    session: SessionRecord,
    callId: string,
  ): Promise<SessionRecord> {
    try {
      if (!(await this.leases.acquire(session.id, callId))) {
        throw new SessionStateError(`Call ${callId} is already watched by another session.`);
      }
      // Known before the first event arrives, so every decision on it can be taken at once.
      this.lifecycle.emit('call.watching', { session, callId });
      await this.voice.attach(callId);
    } catch (error) {
      await this.release(session.id, callId);
      // A call Switchboard created (proxy mode) that it cannot govern must not run on.
      if (session.mode === 'proxy') await this.voice.hangup(callId);
      if (error instanceof SessionStateError) throw error;
      if (error instanceof CallNotFoundUpstreamError) {
        throw new SessionStateError(
          `OpenAI does not know call ${callId}; create the call first, then bind it.`,
        );
      }
      throw new UpstreamError(`The sideband to call ${callId} could not be opened.`);
    }
    const active = await this.repository.activate(session.id, callId);
    if (!active) {
      // Ended (revoked, timed out) while connecting: nobody may keep this call.
      await this.release(session.id, callId);
      await this.voice.hangup(callId);
      throw new SessionStateError(`Session ${session.id} ended while it was connecting.`);
    }
    // Listeners put back whatever the page changed before the sideband was attached.
    this.lifecycle.emit('call.attached', { session: active, callId, takeover: false });
    await this.audit.append({
      actor: actorOf(principal),
      action: session.mode === 'proxy' ? 'session.connected' : 'session.bound',
      subject: session.id,
      data: {
        callId,
        mode: session.mode,
        expiresAt: active.expiresAt.toISOString(),
        ...livePageData(session.config),
      },
    });
    return active;
  }
}

/** A Live session's audit records the data-channel allowlists Switchboard set for the page. */
function livePageData(config: SessionConfig) {
  if (!isLiveConfig(config)) return {};
  const channel = config.client.data_channel;
  return {
    api: 'live',
    pageClientEvents: channel.allowed_client_events,
    pageServerEvents: channel.allowed_server_events,
  };
}

function refusal(session: SessionRecord, mode: 'proxy' | 'ephemeral'): string {
  if (session.mode !== mode) {
    return `Session ${session.id} uses ${session.mode} mode; this step belongs to ${mode} mode.`;
  }
  if (session.state === 'ended' || session.state === 'revoked') {
    return `Session ${session.id} is ${session.state} (${session.endReason ?? 'no reason'}).`;
  }
  if (session.connectBy.getTime() <= Date.now())
    return `Session ${session.id} was not connected in time.`;
  if (
    mode === 'ephemeral' &&
    session.clientSecretExpiresAt &&
    session.state === 'created' &&
    !session.callId
  ) {
    return `Session ${session.id} already has its one client secret.`;
  }
  if (mode === 'ephemeral' && !session.clientSecretExpiresAt) {
    return `Session ${session.id} has no client secret yet; mint one first.`;
  }
  return `Session ${session.id} is already connected (one connection per session).`;
}
