import { Injectable, type OnModuleInit } from '@nestjs/common';

import { SessionDetailSections } from '../sessions/index.js';
import { GroundingLedger } from './grounding-ledger.js';
import type { GroundingRow } from './session-groundings.repository.js';

/** One turn of a session, with the knowledge that grounded its answer. */
export interface GroundedTurn {
  /** 1 for the first turn that was given knowledge. */
  readonly turn: number;
  /** The caller's item (Realtime), line (GPT-Live) or the tool call id. */
  readonly turnId: string;
  readonly given: readonly {
    readonly groundingId: string;
    readonly kind: GroundingRow['kind'];
    readonly mode: string | null;
    readonly at: Date;
    readonly query: string;
    readonly itemId: string | null;
    readonly digest: string;
    readonly documents: readonly {
      documentId: string;
      version: number;
      title: string;
      chunkIds: string[];
    }[];
    readonly withdrawn: { readonly at: Date; readonly versions: GroundingRow['withdrawn'] } | null;
  }[];
}

/** Adds `grounding` (per turn, which documents grounded the answer) to the admin session detail. */
@Injectable()
export class GroundingDetail implements OnModuleInit {
  constructor(
    private readonly sections: SessionDetailSections,
    private readonly ledger: GroundingLedger,
  ) {}

  onModuleInit(): void {
    this.sections.add('grounding', async (session) => ({
      turns: groundedTurns(await this.ledger.ofSession(session.id)),
    }));
  }
}

export function groundedTurns(rows: readonly GroundingRow[]): GroundedTurn[] {
  const turns = new Map<string, GroundedTurn['given'][number][]>();
  for (const row of rows) {
    const documents = new Map<
      string,
      { documentId: string; version: number; title: string; chunkIds: string[] }
    >();
    for (const chunk of row.chunks) {
      const key = `${chunk.documentId}:${chunk.version}`;
      const doc = documents.get(key) ?? {
        documentId: chunk.documentId,
        version: chunk.version,
        title: chunk.title,
        chunkIds: [],
      };
      doc.chunkIds.push(chunk.chunkId);
      documents.set(key, doc);
    }
    const given = turns.get(row.turnId) ?? [];
    given.push({
      groundingId: row.id,
      kind: row.kind,
      mode: row.mode,
      at: row.createdAt,
      query: row.queryText,
      itemId: row.itemId,
      digest: row.digest,
      documents: [...documents.values()],
      withdrawn: row.withdrawnAt ? { at: row.withdrawnAt, versions: row.withdrawn } : null,
    });
    turns.set(row.turnId, given);
  }
  return [...turns].map(([turnId, given], i) => ({ turn: i + 1, turnId, given }));
}
