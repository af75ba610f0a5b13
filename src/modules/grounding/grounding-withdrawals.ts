import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import { DatabaseNotifications } from '../../database/database-notifications.js';
import { LiveEventBus, LiveSidebands } from '../gpt-live/index.js';
import { KNOWLEDGE_CHANGED, KnowledgeClock } from '../knowledge/index.js';
import { GovernedCalls } from '../live-calls/index.js';
import { RealtimeEventBus, SidebandConnections, SidebandTags } from '../realtime/index.js';
import { WITHDRAWN_OUTPUT } from './grounding.errors.js';
import { GroundingLedger } from './grounding-ledger.js';
import { correctionText } from './knowledge-block.js';
import { LiveGrounding, MAX_LIVE_APPEND_CHARS } from './live-grounding.js';
import { RealtimeGrounding } from './realtime-grounding.js';
import type { Withdrawal, WithdrawalReason } from './session-groundings.repository.js';

/** How a reason reads in the correction the model is given. */
const REASON_TEXT: Record<WithdrawalReason, string> = {
  superseded: 'replaced by a newer version',
  retracted: 'retracted by its editors',
  expired: 'no longer valid',
  deleted: 'removed',
  access_removed: 'no longer available to this caller',
};

/**
 * Takes knowledge that stopped being current out of the live calls it was given to. Every
 * replica checks the calls whose control channel it holds: at once when any replica says
 * knowledge changed (`knowledge_changed`, on commit), and every
 * SWITCHBOARD_GROUNDING_RECHECK_SECONDS for text that expires by the clock. A Realtime call gets
 * each withdrawn item deleted (`conversation.item.delete`, by the id Switchboard gave it) and one
 * short correction item (a `search_knowledge` output is replaced by one saying it was
 * withdrawn); a GPT-Live call, which cannot delete, gets the correction appended. The call is
 * told first and each withdrawal then recorded once (a conditional update), so a dropped channel
 * loses nothing: the sweep after its reconnect finds the withdrawal still standing.
 */
@Injectable()
export class GroundingWithdrawals implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(GroundingWithdrawals.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private again = false;
  private readonly unsubscribe: (() => void)[] = [];
  /** Per call: groundings told as withdrawn whose recording has not succeeded yet. */
  private readonly told = new Map<string, Set<string>>();

  constructor(
    private readonly config: AppConfig,
    private readonly notifications: DatabaseNotifications,
    private readonly clock: KnowledgeClock,
    private readonly ledger: GroundingLedger,
    private readonly realtime: SidebandConnections,
    private readonly realtimeBus: RealtimeEventBus,
    private readonly live: LiveSidebands,
    private readonly liveBus: LiveEventBus,
    private readonly governed: GovernedCalls,
    private readonly tags: SidebandTags,
    private readonly realtimeGrounding: RealtimeGrounding,
    private readonly liveGrounding: LiveGrounding,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.listen(KNOWLEDGE_CHANGED, () => void this.sweep());
    // A call whose channel was away (a reconnect, a handover) missed what happened meanwhile.
    this.unsubscribe.push(
      this.realtimeBus.on('sideband.connected', ({ callId }) => void this.sweepCall(callId)),
      this.liveBus.on('live.connected', ({ callId }) => void this.sweepCall(callId)),
      this.realtimeBus.on('sideband.closed', ({ callId }) => this.told.delete(callId)),
      this.liveBus.on('live.closed', ({ callId }) => this.told.delete(callId)),
    );
    this.timer = setInterval(() => void this.sweep(), this.config.grounding.recheckSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    for (const stop of this.unsubscribe) stop();
  }

  /**
   * Checks this replica's calls now; resolves when done. A sweep asked for while one runs
   * runs once more after it (knowledge may have changed after the first one read it).
   */
  sweep(): Promise<void> {
    if (this.sweeping) {
      this.again = true;
      return this.sweeping;
    }
    this.sweeping = (async () => {
      do {
        this.again = false;
        await this.sweepOnce().catch((error: unknown) =>
          this.logger.error({ err: (error as Error).message }, 'Checking given knowledge failed'),
        );
      } while (this.again);
    })().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const open = [
      ...this.realtime.wantedCalls().filter((id) => this.realtime.isOpen(id)),
      ...this.live.wantedCalls().filter((id) => this.live.isOpen(id)),
    ];
    await this.sweepCalls(open);
  }

  /** One call's control channel (re)connected: what happened while it was away. */
  private async sweepCall(callId: string): Promise<void> {
    await this.sweepCalls([callId]).catch((error: unknown) =>
      this.logger.error(
        { callId, err: (error as Error).message },
        'Checking given knowledge failed',
      ),
    );
  }

  private async sweepCalls(callIds: readonly string[]): Promise<void> {
    const now = this.clock.now();
    const byCall = new Map<string, Withdrawal[]>();
    for (const w of await this.ledger.withdrawable(callIds, now))
      byCall.set(w.grounding.callId, [...(byCall.get(w.grounding.callId) ?? []), w]);
    // One call failing (its recording, say) does not hold the others back.
    for (const [callId, list] of byCall)
      await this.withdraw(callId, list, now).catch((error: unknown) =>
        this.logger.error(
          { callId, err: (error as Error).message },
          'Withdrawing knowledge failed',
        ),
      );
  }

  /**
   * Tells the call first, then records each withdrawal once: a send that cannot happen (the
   * channel just dropped) leaves it standing for the sweep after the reconnect. A withdrawal
   * told but not recorded (the database failed) is only recorded at the next sweep, not told
   * again; one recorded meanwhile by another replica (a handover) only repeats a correction.
   */
  private async withdraw(callId: string, withdrawals: Withdrawal[], now: Date): Promise<void> {
    const told = this.toldIn(callId);
    const untold = withdrawals.filter((w) => !told.has(w.grounding.id));
    // Not told (the channel is away, a tool output not seen yet): those wait for the next sweep.
    const result = (untold.length > 0 && this.tell(callId, untold)) || {
      correctionItemId: null,
      told: [],
    };
    for (const w of result.told) told.add(w.grounding.id);
    const recordable = withdrawals.filter((w) => told.has(w.grounding.id));
    const claimed: string[] = [];
    for (const w of recordable) {
      try {
        if (await this.ledger.withdrawn(w, result.correctionItemId, now))
          claimed.push(w.grounding.id);
        told.delete(w.grounding.id);
      } catch (error) {
        // Told but not recorded: the next sweep records it (and does not tell it again).
        this.logger.error(
          { callId, groundingId: w.grounding.id, err: (error as Error).message },
          'Recording a withdrawal failed',
        );
      }
    }
    if (claimed.length > 0)
      this.logger.log(
        { callId, groundings: claimed, versions: uniqueVersions(recordable) },
        'Withdrew knowledge from a live call',
      );
  }

  private tell(
    callId: string,
    withdrawals: Withdrawal[],
  ): { correctionItemId: string | null; told: Withdrawal[] } | undefined {
    if (this.live.isOpen(callId)) {
      const text = this.correction(withdrawals);
      return this.tellLive(callId, text)
        ? { correctionItemId: null, told: withdrawals }
        : undefined;
    }
    return this.tellRealtime(callId, withdrawals);
  }

  private correction(withdrawals: readonly Withdrawal[]): string {
    return correctionText(
      uniqueVersions(withdrawals).map((v) => ({
        title: v.title,
        version: v.version,
        reason: REASON_TEXT[v.reason],
      })),
    );
  }

  private toldIn(callId: string): Set<string> {
    let told = this.told.get(callId);
    if (!told) {
      told = new Set();
      this.told.set(callId, told);
    }
    return told;
  }

  private tellLive(callId: string, text: string): boolean {
    const sent = this.live.send(callId, {
      type: 'session.instructions.append',
      content: text.slice(0, MAX_LIVE_APPEND_CHARS),
      delegation_id: null,
    });
    if (sent) this.liveGrounding.withdrawnIn(callId);
    return sent;
  }

  /**
   * Deletes each injected item (by the id it stands under now), replaces each `search_knowledge`
   * output with one that says it was withdrawn (deleting it alone would leave its call
   * unanswered), then adds the correction.
   */
  private tellRealtime(
    callId: string,
    withdrawals: readonly Withdrawal[],
  ): { correctionItemId: string; told: Withdrawal[] } | undefined {
    const call = this.governed.get(callId);
    if (!call || !this.realtime.isOpen(callId)) return undefined;
    // A tool output this replica has not seen yet (or never will: a handover) waits: marking it
    // withdrawn now would leave it in the call for good.
    const told = withdrawals.filter(
      ({ grounding }) => grounding.itemId || toolOutputItemOf(call.ownItems, grounding.turnId),
    );
    if (told.length === 0) return undefined;
    for (const { grounding } of told) {
      const itemId = grounding.itemId ?? toolOutputItemOf(call.ownItems, grounding.turnId)!;
      const current = call.withdrawOwn(itemId);
      if (current)
        this.realtime.send(callId, { type: 'conversation.item.delete', item_id: current });
      if (grounding.kind === 'tool_result' && current)
        this.realtime.send(callId, {
          type: 'conversation.item.create',
          item: this.tags.tagItem(callId, {
            type: 'function_call_output',
            call_id: grounding.turnId,
            output: JSON.stringify(WITHDRAWN_OUTPUT),
          }),
        });
    }
    const correction = this.tags.tagItem(callId, {
      type: 'message',
      role: 'system',
      content: [{ type: 'input_text', text: this.correction(told) }],
    });
    if (!this.realtime.send(callId, { type: 'conversation.item.create', item: correction }))
      return undefined;
    this.realtimeGrounding.withdrawnIn(callId);
    return { correctionItemId: correction.id, told };
  }
}

/** The id of the output item Switchboard sent for a tool call, if this replica saw it. */
function toolOutputItemOf(
  items: ReadonlyMap<string, { type?: string; call_id?: string }>,
  toolCallId: string,
): string | undefined {
  for (const [id, item] of items)
    if (item.type === 'function_call_output' && item.call_id === toolCallId) return id;
  return undefined;
}

function uniqueVersions(withdrawals: readonly Withdrawal[]) {
  const seen = new Map<string, Withdrawal['versions'][number]>();
  for (const w of withdrawals)
    for (const v of w.versions) seen.set(`${v.documentId}:${v.version}`, v);
  return [...seen.values()];
}
