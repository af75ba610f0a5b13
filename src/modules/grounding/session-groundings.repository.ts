import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { servableSql } from '../../knowledge/index.js';
import type { GivenChunk } from './knowledge-block.js';

export type GroundingKind = 'injection' | 'tool_result';

/** Why given text no longer stands. */
export type WithdrawalReason =
  'superseded' | 'retracted' | 'expired' | 'deleted' | 'access_removed';

export interface WithdrawnVersion {
  readonly documentId: string;
  readonly version: number;
  readonly title: string;
  readonly reason: WithdrawalReason;
}

export interface GroundingRow {
  readonly id: string;
  readonly sessionId: string;
  readonly callId: string;
  readonly kind: GroundingKind;
  readonly mode: string | null;
  /** The turn it grounded: the caller's item (Realtime), line (GPT-Live) or the tool call id. */
  readonly turnId: string;
  /** The conversation item that carries it, where the voice API has items (Realtime injections). */
  readonly itemId: string | null;
  readonly queryText: string;
  readonly chunks: readonly GivenChunk[];
  readonly digest: string;
  readonly createdAt: Date;
  readonly withdrawnAt: Date | null;
  readonly withdrawn: readonly WithdrawnVersion[] | null;
}

export type NewGrounding = Omit<GroundingRow, 'createdAt' | 'withdrawnAt' | 'withdrawn'>;

/** A standing grounding with the versions in it that may no longer be given. */
export interface Withdrawal {
  readonly grounding: GroundingRow;
  readonly versions: readonly WithdrawnVersion[];
}

const COLUMNS = `id, session_id AS "sessionId", call_id AS "callId", kind, mode, turn_id AS "turnId",
  item_id AS "itemId", query_text AS "queryText", chunks, digest, created_at AS "createdAt",
  withdrawn_at AS "withdrawnAt", withdrawn`;

/** The only place the `session_groundings` table is read or written. */
@Injectable()
export class SessionGroundingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: NewGrounding, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO session_groundings
         (id, session_id, call_id, kind, mode, turn_id, item_id, query_text, chunks, digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
      [
        row.id,
        row.sessionId,
        row.callId,
        row.kind,
        row.mode,
        row.turnId,
        row.itemId,
        row.queryText,
        JSON.stringify(row.chunks),
        row.digest,
      ],
    );
  }

  /** A session's groundings, oldest first (the admin detail). */
  async ofSession(sessionId: string): Promise<GroundingRow[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM session_groundings WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    )) as GroundingRow[];
  }

  /**
   * Standing groundings of active sessions in `callIds` that hold a version which may no longer
   * be given at `now`, with why: the freshness rule retrieval applies (the same SQL), and whether
   * the session's roles still read the source. One statement, so it sees one snapshot.
   */
  async withdrawable(callIds: readonly string[], now: Date): Promise<Withdrawal[]> {
    if (callIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT g.id, c."documentId", c.version, c.title,
         CASE WHEN d.id IS NULL OR v.document_id IS NULL THEN 'deleted'
              WHEN d.retracted_at IS NOT NULL THEN 'retracted'
              WHEN d.current_version IS DISTINCT FROM v.version THEN 'superseded'
              WHEN NOT (s.allowed_roles && se.roles) THEN 'access_removed'
              ELSE 'expired' END AS reason
       FROM session_groundings g
       JOIN sessions se ON se.id = g.session_id AND se.state = 'active'
       CROSS JOIN LATERAL jsonb_to_recordset(g.chunks)
         AS c("documentId" text, version integer, title text)
       LEFT JOIN knowledge_documents d ON d.id = c."documentId"
       LEFT JOIN knowledge_document_versions v
         ON v.document_id = c."documentId" AND v.version = c.version
       LEFT JOIN knowledge_sources s ON s.id = d.source_id
       WHERE g.withdrawn_at IS NULL AND g.call_id = ANY($1::text[])
         AND NOT COALESCE(${servableSql('$2')} AND s.allowed_roles && se.roles, false)
       ORDER BY g.created_at, g.id`,
      [callIds, now],
    )) as { id: string; documentId: string; version: number; title: string; reason: string }[];
    if (rows.length === 0) return [];
    const groundings = new Map(
      (
        (await this.dataSource.query(
          `SELECT ${COLUMNS} FROM session_groundings WHERE id = ANY($1::text[])`,
          [[...new Set(rows.map((r) => r.id))]],
        )) as GroundingRow[]
      ).map((g) => [g.id, g]),
    );
    const byGrounding = new Map<string, WithdrawnVersion[]>();
    for (const r of rows) {
      const list = byGrounding.get(r.id) ?? [];
      // A block may hold several chunks of one version: it is withdrawn once.
      if (!list.some((w) => w.documentId === r.documentId && w.version === r.version))
        list.push({
          documentId: r.documentId,
          version: r.version,
          title: r.title,
          reason: r.reason as WithdrawalReason,
        });
      byGrounding.set(r.id, list);
    }
    return [...byGrounding].map(([id, versions]) => ({ grounding: groundings.get(id)!, versions }));
  }

  /** Marks it withdrawn, once: false when another sweep (or replica) already did. */
  async markWithdrawn(
    id: string,
    versions: readonly WithdrawnVersion[],
    now: Date,
    tx: EntityManager,
  ): Promise<boolean> {
    const [rows] = (await tx.query(
      `UPDATE session_groundings SET withdrawn_at = $2, withdrawn = $3::jsonb
       WHERE id = $1 AND withdrawn_at IS NULL RETURNING id`,
      [id, now, JSON.stringify(versions)],
    )) as [{ id: string }[], number];
    return rows.length > 0;
  }

  /** Ids of a call's groundings that still stand (what a response is answered from). */
  async standingIds(callId: string): Promise<string[]> {
    return (
      (await this.dataSource.query(
        `SELECT id FROM session_groundings WHERE call_id = $1 AND withdrawn_at IS NULL
         ORDER BY created_at, id`,
        [callId],
      )) as { id: string }[]
    ).map((r) => r.id);
  }
}
