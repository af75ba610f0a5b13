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
      this.realtimeBus.on('sideband.connected', () => void this.sweep()),
      this.liveBus.on('live.connected', () => void this.sweep()),
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
    const now = this.clock.now();
    const withdrawals = await this.ledger.withdrawable(open, now);
    const byCall = new Map<string, Withdrawal[]>();
    for (const w of withdrawals)
      byCall.set(w.grounding.callId, [...(byCall.get(w.grounding.callId) ?? []), w]);
    for (const [callId, list] of byCall) await this.withdraw(callId, list, now);
  }

  /**
   * Tells the call first, then records each withdrawal once: a send that cannot happen (the
   * channel just dropped) leaves it standing for the sweep after the reconnect, and a withdrawal
   * recorded meanwhile by another replica (a handover) only repeats a correction.
   */
  private async withdraw(callId: string, withdrawals: Withdrawal[], now: Date): Promise<void> {
    const versions = uniqueVersions(withdrawals);
    const text = correctionText(
      versions.map((v) => ({ title: v.title, version: v.version, reason: REASON_TEXT[v.reason] })),
    );
    const told = this.live.isOpen(callId)
      ? this.tellLive(callId, text)
      : this.tellRealtime(callId, withdrawals, text);
    if (!told) return;
    const claimed: string[] = [];
    for (const w of withdrawals)
      if (await this.ledger.withdrawn(w, told.correctionItemId, now)) claimed.push(w.grounding.id);
    this.logger.log(
      { callId, groundings: claimed, versions },
      'Withdrew knowledge from a live call',
    );
  }

  private tellLive(callId: string, text: string): { correctionItemId: null } | undefined {
    const sent = this.live.send(callId, {
      type: 'session.instructions.append',
      content: text.slice(0, MAX_LIVE_APPEND_CHARS),
      delegation_id: null,
    });
    if (!sent) return undefined;
    this.liveGrounding.withdrawnIn(callId);
    return { correctionItemId: null };
  }

  /**
   * Deletes each injected item (by the id it stands under now), replaces each `search_knowledge`
   * output with one that says it was withdrawn (deleting it alone would leave its call
   * unanswered), then adds the correction.
   */
  private tellRealtime(
    callId: string,
    withdrawals: readonly Withdrawal[],
    text: string,
  ): { correctionItemId: string } | undefined {
    const correction = this.tags.tagItem(callId, {
      type: 'message',
      role: 'system',
      content: [{ type: 'input_text', text }],
    });
    if (!this.realtime.isOpen(callId)) return undefined;
    const call = this.governed.get(callId);
    for (const { grounding } of withdrawals) {
      const itemId =
        grounding.itemId ?? (call && toolOutputItemOf(call.ownItems, grounding.turnId));
      if (!itemId || !call) continue;
      this.realtime.send(callId, {
        type: 'conversation.item.delete',
        item_id: call.withdrawOwn(itemId),
      });
      if (grounding.kind === 'tool_result')
        this.realtime.send(callId, {
          type: 'conversation.item.create',
          item: this.tags.tagItem(callId, {
            type: 'function_call_output',
            call_id: grounding.turnId,
            output: JSON.stringify(WITHDRAWN_OUTPUT),
          }),
        });
    }
    if (!this.realtime.send(callId, { type: 'conversation.item.create', item: correction }))
      return undefined;
    this.realtimeGrounding.withdrawnIn(callId);
    return { correctionItemId: correction.id };
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
