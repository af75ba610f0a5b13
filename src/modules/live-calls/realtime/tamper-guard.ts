import { randomBytes } from 'node:crypto';

import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../../../config/app-config.js';
import { AuditLog } from '../../audit/index.js';
import {
  RealtimeEventBus,
  type RealtimeServerEvent,
  type ServerEventOf,
  SidebandConnections,
  SidebandTags,
  type TaggableItem,
} from '../../realtime/index.js';
import { isLiveConfig, realtimeConfigOf } from '../../voice/index.js';
import { GovernedCalls, type GovernedCall } from './governed-calls.js';
import { type EffectiveSession, foreignChanges, revertUpdate } from './tamper-check.js';
import { SessionLifecycle, SessionsService } from '../../sessions/index.js';

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
    private readonly lifecycle: SessionLifecycle,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      // Whatever the page changed before the sideband was attached is put back at once.
      this.lifecycle.on('call.attached', ({ session, callId, takeover }) => {
        if (!takeover && !isLiveConfig(session.config))
          this.sidebands.send(callId, revertUpdate(session.config));
      }),
      this.bus.on('sideband.event', ({ callId, event }) => this.inspect(callId, event)),
      // After a reconnect, changes made while nobody was watching are put back.
      this.bus.on('sideband.connected', async ({ callId, reconnect }) => {
        if (!reconnect) return;
        const call = this.calls.get(callId);
        if (call) this.redoAfterReconnect(callId, call);
        const session = await this.sessions.findByCall(callId);
        if (session?.state === 'active')
          this.sidebands.send(callId, revertUpdate(realtimeConfigOf(session.config)));
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
        return this.later(callId, this.checkSession(callId, event.session));
      case 'conversation.item.added':
        this.checkUnseen(callId, call, event.previous_item_id);
        return this.checkItem(callId, call, event.item as TaggableItem | undefined);
      case 'conversation.item.retrieved':
        return this.checkRetrieved(callId, call, event.item as TaggableItem | undefined);
      case 'input_audio_buffer.committed':
        this.checkUnseen(callId, call, event.previous_item_id);
        return void call?.knownItems.add(String(event.item_id));
      case 'response.output_item.added':
        return void call?.knownItems.add(String((event.item as TaggableItem | undefined)?.id));
      case 'conversation.item.deleted':
        return this.checkDeletion(callId, call, String(event.item_id ?? ''));
      case 'error':
        return this.checkRefused(call, event);
    }
  }

  /**
   * An item named as the predecessor of a new one, but never seen: it was added while nobody
   * watched (a sideband reconnect, a handover). Until it is retrieved and checked it counts as
   * foreign, so no response of Switchboard's starts in between.
   */
  private checkUnseen(callId: string, call: GovernedCall | undefined, previous: unknown): void {
    if (!call || typeof previous !== 'string' || call.knownItems.has(previous)) return;
    if (call.foreign.has(previous)) return;
    call.addForeign(previous);
    this.retrieve(callId, call, previous);
  }

  private retrieve(callId: string, call: GovernedCall, itemId: string): void {
    const eventId = `sbget_${randomBytes(9).toString('base64url')}`;
    call.retrievals.set(eventId, itemId);
    this.sidebands.send(callId, {
      type: 'conversation.item.retrieve',
      event_id: eventId,
      item_id: itemId,
    });
  }

  private checkRetrieved(
    callId: string,
    call: GovernedCall | undefined,
    item: TaggableItem | undefined,
  ): void {
    // Only an item still waiting to be checked; one already being deleted stays foreign.
    if (!call || !item?.id || !call.foreign.has(item.id)) return;
    if ([...call.deletions.values()].includes(item.id)) return;
    call.knownItems.add(item.id);
    // Policed and not ours: deleted (it stands until that is confirmed); anything else is fine.
    if (policedKind(item) && (!this.tags.isOwnItem(callId, item) || call.spent.has(item.id)))
      return this.checkItem(callId, call, item);
    if (policedKind(item)) call.ownItems.set(item.id, item);
    call.removeForeign(item.id);
  }

  /** After a reconnect, what was in flight may have been lost: ask again. */
  private redoAfterReconnect(callId: string, call: GovernedCall): void {
    const deleting = new Set(call.deletions.values());
    call.deletions.clear();
    call.retrievals.clear();
    for (const itemId of call.foreign) {
      if (deleting.has(itemId)) this.delete(callId, call, itemId);
      else this.retrieve(callId, call, itemId);
    }
    // Switchboard's own withdrawals not yet confirmed may have been lost with the socket.
    for (const itemId of call.withdrawing)
      this.sidebands.send(callId, { type: 'conversation.item.delete', item_id: itemId });
  }

  private checkItem(
    callId: string,
    call: GovernedCall | undefined,
    item: TaggableItem | undefined,
  ): void {
    if (item?.id) call?.knownItems.add(item.id);
    const kind = policedKind(item);
    if (!item || !kind) return;
    if (this.tags.isOwnItem(callId, item)) {
      // Ours and being withdrawn (its deletion crossed its addition): it goes anyway.
      if (call?.withdrawing.has(item.id!)) return;
      // A spent id (withdrawn, or replaced by a restore) added again is the page replaying it.
      if (!call?.spent.has(item.id!)) {
        call?.ownItems.set(item.id!, item);
        return;
      }
    }
    if (item.id && call) {
      if (!call.foreign.has(item.id)) call.addForeign(item.id);
      this.delete(callId, call, item.id);
    } else if (item.id) {
      this.sidebands.send(callId, { type: 'conversation.item.delete', item_id: item.id });
    }
    this.react(callId, kind, { itemId: item.id ?? null, toolCallId: item.call_id ?? null });
  }

  private delete(callId: string, call: GovernedCall, itemId: string): void {
    const eventId = `sbdel_${randomBytes(9).toString('base64url')}`;
    call.deletions.set(eventId, itemId);
    this.sidebands.send(callId, {
      type: 'conversation.item.delete',
      event_id: eventId,
      item_id: itemId,
    });
  }

  private checkDeletion(callId: string, call: GovernedCall | undefined, itemId: string): void {
    if (!call) return;
    if (call.foreign.has(itemId)) {
      for (const [eventId, target] of call.deletions)
        if (target === itemId) call.deletions.delete(eventId);
      return call.removeForeign(itemId);
    }
    if (call.withdrawing.delete(itemId)) return;
    const own = call.ownItems.get(itemId);
    if (!own) return;
    // Switchboard deletes its own items only when it withdraws them: the page did. Put it back,
    // with a new tagged id; the old one is spent (the page cannot add it again).
    call.ownItems.delete(itemId);
    call.spent.add(itemId);
    const { id: _deleted, ...content } = own;
    const restored = this.tags.tagItem(callId, content);
    call.restoredAs.set(itemId, restored.id);
    this.sidebands.send(callId, { type: 'conversation.item.create', item: restored });
    this.react(callId, 'item.deleted', { itemId, toolCallId: own.call_id ?? null });
  }

  /**
   * A delete or retrieve of ours that failed: the item is gone already (the page removed it), so
   * it no longer stands.
   */
  private checkRefused(call: GovernedCall | undefined, event: ServerEventOf<'error'>): void {
    const eventId = event.error?.event_id;
    if (!call || !eventId) return;
    const itemId = call.deletions.get(eventId) ?? call.retrievals.get(eventId);
    if (!itemId) return;
    call.deletions.delete(eventId);
    call.retrievals.delete(eventId);
    call.removeForeign(itemId);
  }

  /**
   * A response Switchboard did not start, in a `server` session (`ServerResponses` decides that,
   * from tags it issued): cancelled at once, then audited and reacted to.
   */
  cancelForeignResponse(callId: string, response: ResponseShape | undefined): void {
    this.sidebands.send(callId, { type: 'response.cancel', response_id: response?.id });
    this.react(callId, 'response.create', { responseId: response?.id ?? null });
  }

  private async checkSession(callId: string, effective: EffectiveSession): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    const config = realtimeConfigOf(session.config);
    const changed = foreignChanges(config, effective);
    if (changed.length === 0) return;
    this.sidebands.send(callId, revertUpdate(config));
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
