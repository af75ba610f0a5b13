import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { WhereClause } from '../../database/where-clause.js';
import type { AuditEntry } from './audit-entry.js';

interface AuditRow {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** An entry as `append` hands it to the database, which chains and hashes it. */
export interface NewAuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
  /** The canonical JSON of `data`, which the entry's hash covers. */
  readonly canonicalData: string;
}

/** Where `append` put an entry in the chain. */
export interface ChainLink {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The only place the `audit_log` table is read or written. Rows are only ever appended, through the
 * `audit_append` database function: it takes the chain lock, hashes and inserts in one round trip,
 * so the chain never forks across replicas.
 */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside `tx`, so the entry commits (or rolls back) with the change it records. */
  async append(entry: NewAuditEntry, tx: EntityManager): Promise<ChainLink> {
    const [row] = (await tx.query(`SELECT * FROM audit_append($1, $2, $3, $4, $5, $6)`, [
      entry.at,
      entry.actor,
      entry.action,
      entry.subject,
      JSON.stringify(entry.data),
      entry.canonicalData,
    ])) as { seq: string; prev_hash: string; hash: string }[];
    return { seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash };
  }

  /** Entries matching `where`, in chain order, at most `limit`. */
  async list(where: WhereClause, limit: number): Promise<AuditEntry[]> {
    const limitParam = where.next(limit);
    return this.entries(
      `SELECT * FROM audit_log ${where.toSql()} ORDER BY seq LIMIT ${limitParam}`,
      where.params,
    );
  }

  /** Up to `limit` entries from `seq` on, in chain order. */
  async readFrom(seq: number, limit: number): Promise<AuditEntry[]> {
    return this.entries(`SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`, [
      seq,
      limit,
    ]);
  }

  /** The entries from `first` to `last` (both included), in chain order. */
  async range(first: number, last: number): Promise<AuditEntry[]> {
    return this.entries(`SELECT * FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq`, [
      first,
      last,
    ]);
  }

  /** The first and last seq of the entries in `[from, to)`; null when there are none. */
  async bounds(from?: Date, to?: Date): Promise<{ first: number | null; last: number | null }> {
    const [bounds] = (await this.dataSource.query(
      `SELECT min(seq) AS first, max(seq) AS last FROM audit_log
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)`,
      [from ?? null, to ?? null],
    )) as { first: string | null; last: string | null }[];
    return {
      first: bounds.first === null ? null : Number(bounds.first),
      last: bounds.last === null ? null : Number(bounds.last),
    };
  }

  /** The hash of entry `seq`; undefined if there is no such entry. */
  async hashAt(seq: number): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT hash FROM audit_log WHERE seq = $1`, [
      seq,
    ])) as { hash: string }[];
    return row?.hash;
  }

  /** The seq the next appended entry will get. */
  async nextSeq(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(max(seq), 0) + 1 AS next FROM audit_log`,
    )) as { next: string }[];
    return Number(row.next);
  }

  private async entries(sql: string, params: unknown[]): Promise<AuditEntry[]> {
    const rows = (await this.dataSource.query(sql, params)) as AuditRow[];
    return rows.map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
