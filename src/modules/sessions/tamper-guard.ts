import { randomBytes } from 'node:crypto';

import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { RealtimeEventBus, type RealtimeServerEvent } from '../realtime/realtime-event-bus.js';
import { SidebandConnections } from '../realtime/sideband-connections.js';
import { SidebandTags, type TaggableItem } from '../realtime/sideband-tags.js';
import { GovernedCalls, type GovernedCall } from './governed-calls.js';
import { foreignChanges, revertUpdate } from './tamper-check.js';
import { SessionsService } from './sessions.service.js';

type TamperKind =
  'session.update' | 'function_call_output' | 'system_message' | 'item.deleted' | 'response.create';

/**
 * The browser holds the data channel, so it can change the session, answer tool calls itself,
 * speak as the system, delete what Switchboard said, or start responses with its own
 * instructions. This watches every sideband and decides the moment an event arrives, from keyed
 * tags the page cannot forge (`SidebandTags`), never from a database lookup:
 * - a `session.updated` that differs in instructions, tools or tool choice is reverted;
 * - a `function_call_output` or system message Switchboard did not create is deleted, and no
 *   response of Switchboard's starts while it stands (`ServerResponses` waits for the deletion);
 * - an item of Switchboard's that the page deleted is put back;
 * - in `server` sessions, a response Switchboard did not start is cancelled.
 * Each is audited and, by default, ends the session.
 */
@Injectable()
export class TamperGuard implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TamperGuard.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly sidebands: SidebandConnections,
    private readonly bus: RealtimeEventBus,
    private readonly audit: AuditLog,
    private readonly tags: SidebandTags,
    private readonly calls: GovernedCalls,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.on('sideband.event', ({ callId, event }) => this.inspect(callId, event)),
      // After a reconnect, changes made while nobody was watching are put back.
      this.bus.on('sideband.connected', async ({ callId, reconnect }) => {
        if (!reconnect) return;
        const session = await this.sessions.findByCall(callId);
        if (session?.state === 'active') this.sidebands.send(callId, revertUpdate(session.config));
      }),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  /** Synchronous up to the first reaction: what must be undone is undone before anything else. */
  private inspect(callId: string, event: RealtimeServerEvent): void {
    const call = this.calls.get(callId);
    switch (event.type) {
      case 'session.updated':
        return this.later(
          callId,
          this.checkSession(callId, event.session as Record<string, unknown>),
        );
      case 'conversation.item.added':
        return this.checkItem(callId, call, event.item as TaggableItem | undefined);
      case 'conversation.item.deleted':
        return this.checkDeletion(callId, call, String(event.item_id ?? ''));
      case 'error':
        return this.checkDeleteRefused(call, event);
      case 'response.created':
        return this.checkResponse(callId, call, event.response as ResponseShape | undefined);
    }
  }

  private checkItem(
    callId: string,
    call: GovernedCall | undefined,
    item: TaggableItem | undefined,
  ): void {
    const kind = policedKind(item);
    if (!item || !kind) return;
    if (this.tags.isOwnItem(callId, item)) {
      call?.ownItems.set(item.id!, item);
      return;
    }
    if (item.id) {
      const eventId = `sbdel_${randomBytes(9).toString('base64url')}`;
      call?.addForeign(item.id);
      call?.deletions.set(eventId, item.id);
      this.sidebands.send(callId, {
        type: 'conversation.item.delete',
        event_id: eventId,
        item_id: item.id,
      });
    }
    this.react(callId, kind, { itemId: item.id ?? null, toolCallId: item.call_id ?? null });
  }

  private checkDeletion(callId: string, call: GovernedCall | undefined, itemId: string): void {
    if (!call) return;
    if (call.foreign.has(itemId)) return call.removeForeign(itemId);
    const own = call.ownItems.get(itemId);
    if (!own) return;
    // Switchboard never deletes its own items: the page did. Put it back, with a new tagged id.
    call.ownItems.delete(itemId);
    const { id: _deleted, ...content } = own;
    this.sidebands.send(callId, {
      type: 'conversation.item.create',
      item: this.tags.tagItem(callId, content),
    });
    this.react(callId, 'item.deleted', { itemId, toolCallId: own.call_id ?? null });
  }

  /** A delete of ours that failed (the page already removed the item): it no longer stands. */
  private checkDeleteRefused(call: GovernedCall | undefined, event: RealtimeServerEvent): void {
    const eventId = (event.error as { event_id?: string } | undefined)?.event_id;
    const itemId = eventId ? call?.deletions.get(eventId) : undefined;
    if (!call || !itemId) return;
    call.deletions.delete(eventId!);
    call.removeForeign(itemId);
  }

  private checkResponse(
    callId: string,
    call: GovernedCall | undefined,
    response: ResponseShape | undefined,
  ): void {
    if (call?.responseStart !== 'server' || this.tags.isOwnResponse(callId, response)) return;
    this.sidebands.send(callId, { type: 'response.cancel', response_id: response?.id });
    this.react(callId, 'response.create', { responseId: response?.id ?? null });
  }

  private async checkSession(callId: string, effective: Record<string, unknown>): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    const changed = foreignChanges(session.config, effective);
    if (changed.length === 0) return;
    this.sidebands.send(callId, revertUpdate(session.config));
    await this.reaction(callId, 'session.update', { fields: changed });
  }

  private react(callId: string, kind: TamperKind, data: Record<string, unknown>): void {
    this.later(callId, this.reaction(callId, kind, data));
  }

  private later(callId: string, work: Promise<void>): void {
    void work.catch((error: unknown) =>
      this.logger.error({ callId, err: (error as Error).message }, 'Tamper reaction failed'),
    );
  }

  /** Audited, and by default the session ends (its call is hung up). */
  private async reaction(
    callId: string,
    kind: TamperKind,
    data: Record<string, unknown>,
  ): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    const details = { kind, ...data, callId };
    await this.audit.append({
      actor: 'system',
      action: 'session.tamper_detected',
      subject: session.id,
      data: details,
    });
    this.logger.warn({ sessionId: session.id, ...details }, 'Tampering detected on a session');
    if (this.config.sessions.hangUpOnTamper)
      await this.sessions.end(session.id, 'ended', 'tamper', 'system');
  }
}

interface ResponseShape {
  readonly id?: string;
  readonly metadata?: unknown;
}

/** Items only Switchboard may add: tool outputs and system messages. The page may add user turns. */
function policedKind(item: TaggableItem | undefined): TamperKind | undefined {
  if (item?.type === 'function_call_output') return 'function_call_output';
  if (item?.type === 'message' && item.role === 'system') return 'system_message';
  return undefined;
}
