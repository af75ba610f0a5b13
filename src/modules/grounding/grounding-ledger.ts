import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { newId } from '../../common/ids.js';
import { sha256Hex } from '../../common/sha256.js';
import { AuditLog } from '../audit/index.js';
import type { KnowledgeBlock } from './knowledge-block.js';
import {
  type GroundingRow,
  type NewGrounding,
  SessionGroundingsRepository,
  type Withdrawal,
} from './session-groundings.repository.js';

/** A block of knowledge put into a call, and where it went. */
export type GivenText = Omit<NewGrounding, 'id' | 'chunks' | 'digest'> & {
  readonly block: KnowledgeBlock;
};

/** The longest query kept with a grounding (the caller's words; the audit keeps a digest). */
const MAX_QUERY = 500;
/** The longest answer transcript the audit keeps. */
const MAX_HEARD = 2000;

/**
 * Provenance of knowledge in live calls: what each session was given (table and audit chain in
 * one transaction), what was withdrawn from it, and what the caller heard while it stood. The
 * audit entries alone answer "what did the caller hear, and from which version?" in an exported
 * bundle: chunk ids, document versions and a digest of the exact text, never the text itself.
 */
@Injectable()
export class GroundingLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groundings: SessionGroundingsRepository,
    private readonly audit: AuditLog,
  ) {}

  async given(text: GivenText): Promise<string> {
    const id = newId('grd');
    const { block } = text;
    await this.dataSource.transaction(async (tx) => {
      const { block: _block, ...where } = text;
      await this.groundings.insert(
        {
          ...where,
          id,
          queryText: text.queryText.slice(0, MAX_QUERY),
          chunks: block.chunks,
          digest: block.digest,
        },
        tx,
      );
      await this.audit.append(
        {
          actor: 'system',
          action: 'grounding.given',
          subject: text.sessionId,
          data: {
            groundingId: id,
            callId: text.callId,
            kind: text.kind,
            mode: text.mode,
            turn: text.turnId,
            itemId: text.itemId,
            queryDigest: sha256Hex(text.queryText),
            digest: block.digest,
            chunks: block.chunks,
          },
        },
        tx,
      );
    });
    return id;
  }

  /** Records a withdrawal once; false when it was already recorded (another sweep, replica). */
  async withdrawn(
    { grounding, versions }: Withdrawal,
    correctionItemId: string | null,
    now: Date,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.groundings.markWithdrawn(grounding.id, versions, now, tx))) return false;
      await this.audit.append(
        {
          actor: 'system',
          action: 'grounding.withdrawn',
          subject: grounding.sessionId,
          data: {
            groundingId: grounding.id,
            callId: grounding.callId,
            itemId: grounding.itemId,
            correctionItemId,
            versions,
          },
        },
        tx,
      );
      return true;
    });
  }

  /** What the caller heard in a response given while these groundings stood. */
  async answered(
    sessionId: string,
    answer: { responseId: string; heard: string; groundingIds: readonly string[] },
  ): Promise<void> {
    await this.audit.append({
      actor: 'system',
      action: 'grounding.answered',
      subject: sessionId,
      data: {
        responseId: answer.responseId,
        groundingIds: answer.groundingIds,
        heard: answer.heard.slice(0, MAX_HEARD),
        heardDigest: sha256Hex(answer.heard),
      },
    });
  }

  ofSession(sessionId: string): Promise<GroundingRow[]> {
    return this.groundings.ofSession(sessionId);
  }

  standingIds(callId: string): Promise<string[]> {
    return this.groundings.standingIds(callId);
  }

  withdrawable(callIds: readonly string[], now: Date): Promise<Withdrawal[]> {
    return this.groundings.withdrawable(callIds, now);
  }
}
