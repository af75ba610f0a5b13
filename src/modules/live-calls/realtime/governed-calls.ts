import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { RealtimeEventBus, type TaggableItem } from '../../realtime/index.js';

import { SessionLifecycle, type ResponseStart, type SessionRecord } from '../../sessions/index.js';
import { isLiveConfig } from '../../voice/index.js';
import type { ResponseUsage } from './realtime-pricing.js';

/**
 * What this replica knows, in memory, about a call whose sideband it owns. Decisions that must be
 * taken the instant an event arrives (is this item ours? may a response start now?) read it
 * synchronously; nothing here is the source of truth, the database is.
 */
export class GovernedCall {
  /** Foreign items seen in the conversation and not yet confirmed deleted, by item id. */
  readonly foreign = new Set<string>();
  /** Items Switchboard created in the call, by id, kept to restore one the page deletes. */
  readonly ownItems = new Map<string, TaggableItem>();
  /** Items of Switchboard's it is deleting itself (withdrawn knowledge): not put back. */
  readonly withdrawing = new Set<string>();
  /**
   * Ids of Switchboard's items that are gone for good (withdrawn, or put back under a new id):
   * the tag still fits them, so the page must not be able to add one again.
   */
  readonly spent = new Set<string>();
  /** Ids of Switchboard's items it withdrew (each deleted once). */
  readonly withdrawn = new Set<string>();
  /** An own item the page deleted → the id it was put back under. */
  readonly restoredAs = new Map<string, string>();
  /** Our `conversation.item.delete` event ids → the foreign item each one removes. */
  readonly deletions = new Map<string, string>();
  /** Every item id this replica has seen in the call (added, committed, produced). */
  readonly knownItems = new Set<string>();
  /** Our `conversation.item.retrieve` event ids → the unseen item each one asks for. */
  readonly retrievals = new Map<string, string>();
  /** Counts every foreign item ever seen: a response started across a change is tainted. */
  foreignSeen = 0;
  /** Usage of the last response: the floor of what the next one will read again. */
  lastUsage?: ResponseUsage;
  private readonly clearedListeners = new Set<() => void>();

  constructor(
    readonly callId: string,
    readonly sessionId: string,
    readonly responseStart: ResponseStart,
  ) {}

  addForeign(itemId: string): void {
    this.foreign.add(itemId);
    this.foreignSeen += 1;
  }

  removeForeign(itemId: string): void {
    if (!this.foreign.delete(itemId) || this.foreign.size > 0) return;
    for (const listener of this.clearedListeners) listener();
  }

  /**
   * Switchboard deletes one of its own items: the tamper guard lets it go, and will not take it
   * back. Returns the id it stands under now (it was put back under a new one if the page
   * deleted it meanwhile), which is the one to delete; undefined when it was withdrawn before.
   */
  withdrawOwn(itemId: string): string | undefined {
    let current = itemId;
    for (let next = this.restoredAs.get(current); next; next = this.restoredAs.get(current))
      current = next;
    // Withdrawn already (a sweep repeated): nothing more to delete.
    if (this.withdrawn.has(current)) return undefined;
    this.withdrawn.add(current);
    this.withdrawing.add(current);
    this.spent.add(current);
    this.ownItems.delete(current);
    return current;
  }

  /** Runs `listener` whenever the last standing foreign item is gone. */
  onForeignCleared(listener: () => void): () => void {
    this.clearedListeners.add(listener);
    return () => this.clearedListeners.delete(listener);
  }
}

/** The calls this replica governs right now (registered before their sideband opens). */
@Injectable()
export class GovernedCalls implements OnModuleInit, OnApplicationShutdown {
  private readonly calls = new Map<string, GovernedCall>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly bus: RealtimeEventBus,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      // Known before the first event arrives, so every decision on it can be taken at once.
      // GPT-Live calls keep none of this Realtime state.
      this.lifecycle.on('call.watching', ({ session, callId }) => {
        if (!isLiveConfig(session.config)) this.watch(session, callId);
      }),
      this.bus.on('sideband.closed', ({ callId }) => this.forget(callId)),
      this.bus.on('sideband.lost', ({ callId }) => this.forget(callId)),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  /** Registers (or re-registers after a handover) the call of an active or connecting session. */
  watch(session: Pick<SessionRecord, 'id' | 'responseStart'>, callId: string): GovernedCall {
    const existing = this.calls.get(callId);
    if (existing?.sessionId === session.id) return existing;
    const call = new GovernedCall(callId, session.id, session.responseStart);
    this.calls.set(callId, call);
    return call;
  }

  get(callId: string): GovernedCall | undefined {
    return this.calls.get(callId);
  }

  forget(callId: string): void {
    this.calls.delete(callId);
  }
}
