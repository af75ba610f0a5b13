import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import { DatabaseNotifications } from '../../database/database-notifications.js';
import { LiveSidebands } from '../gpt-live/index.js';
import { KNOWLEDGE_CHANGED, KnowledgeClock } from '../knowledge/index.js';
import { GovernedCalls } from '../live-calls/index.js';
import { SidebandConnections, SidebandTags } from '../realtime/index.js';
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
 * short correction item; a GPT-Live call, which cannot delete, gets the correction appended.
 * Each withdrawal is claimed in the database first, so it happens once across replicas.
 */
@Injectable()
export class GroundingWithdrawals implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(GroundingWithdrawals.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private again = false;

  constructor(
    private readonly config: AppConfig,
    private readonly notifications: DatabaseNotifications,
    private readonly clock: KnowledgeClock,
    private readonly ledger: GroundingLedger,
    private readonly realtime: SidebandConnections,
    private readonly live: LiveSidebands,
    private readonly governed: GovernedCalls,
    private readonly tags: SidebandTags,
    private readonly realtimeGrounding: RealtimeGrounding,
    private readonly liveGrounding: LiveGrounding,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.listen(KNOWLEDGE_CHANGED, () => void this.sweep());
    this.timer = setInterval(() => void this.sweep(), this.config.grounding.recheckSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
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

  private async withdraw(callId: string, withdrawals: Withdrawal[], now: Date): Promise<void> {
    const isLive = this.live.isOpen(callId);
    const versions = uniqueVersions(withdrawals);
    const text = correctionText(
      versions.map((v) => ({ title: v.title, version: v.version, reason: REASON_TEXT[v.reason] })),
    );
    const correction = isLive
      ? undefined
      : this.tags.tagItem(callId, {
          type: 'message',
          role: 'system',
          content: [{ type: 'input_text', text }],
        });
    const claimed: Withdrawal[] = [];
    for (const w of withdrawals)
      if (await this.ledger.withdrawn(w, correction?.id ?? null, now)) claimed.push(w);
    if (claimed.length === 0) return;
    if (isLive) {
      this.live.send(callId, {
        type: 'session.instructions.append',
        content: text.slice(0, MAX_LIVE_APPEND_CHARS),
        delegation_id: null,
      });
      this.liveGrounding.withdrawnIn(callId);
    } else {
      const call = this.governed.get(callId);
      for (const { grounding } of claimed) {
        if (!grounding.itemId) continue; // a tool result: its call stays answered; the correction covers it
        call?.withdrawOwn(grounding.itemId);
        this.realtime.send(callId, { type: 'conversation.item.delete', item_id: grounding.itemId });
      }
      this.realtime.send(callId, { type: 'conversation.item.create', item: correction });
      this.realtimeGrounding.withdrawnIn(callId);
    }
    this.logger.log(
      { callId, groundings: claimed.map((w) => w.grounding.id), versions },
      'Withdrew knowledge from a live call',
    );
  }
}

function uniqueVersions(withdrawals: readonly Withdrawal[]) {
  const seen = new Map<string, Withdrawal['versions'][number]>();
  for (const w of withdrawals)
    for (const v of w.versions) seen.set(`${v.documentId}:${v.version}`, v);
  return [...seen.values()];
}
