import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import canonicalize from 'canonicalize';
import { DataSource, type EntityManager } from 'typeorm';

import { WhereClause } from '../../database/where-clause.js';
import type { AuditEntry, AuditRecord, AuditVerification } from './audit-entry.js';
import { entryHash, GENESIS_HASH } from './audit-hash.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { redactSecrets } from './audit-redaction.js';

const VERIFY_BATCH = 1000;

export interface AuditQuery {
  readonly actor?: string;
  readonly action?: string;
  readonly subject?: string;
  /** Entries about any of these subjects (a session and its actions, say). */
  readonly subjects?: readonly string[];
  readonly from?: Date;
  readonly to?: Date;
  /** Entries after this seq (the previous page's `nextCursor`). */
  readonly after?: number;
  readonly limit: number;
}

/**
 * The append-only, hash-chained audit log. Appends go through the `audit_append` database
 * function, which serialises them under one advisory lock across every replica, so the chain
 * never forks. Each entry's hash covers the previous hash and the
 * entry's canonical JSON, so altering or removing any row breaks verification from that row on.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entries: AuditLogRepository,
  ) {}

  /**
   * Appends one entry. Pass the caller's transaction manager so the entry commits (or rolls back)
   * with the change it records.
   */
  async append(record: AuditRecord, manager?: EntityManager): Promise<AuditEntry> {
    return this.appendWith(manager ?? this.dataSource.manager, record);
  }

  async list(query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const where = new WhereClause()
      .add('actor = ?', query.actor)
      .add('action = ?', query.action)
      .add('subject = ?', query.subject)
      .add('subject = ANY(?::text[])', query.subjects?.length ? [...query.subjects] : undefined)
      .add('at >= ?', query.from)
      .add('at < ?', query.to)
      .add('seq > ?', query.after);
    const rows = await this.entries.list(where, query.limit + 1);
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? String(items.at(-1)!.seq) : null };
  }

  /** Recomputes the whole chain; reports the first entry that does not check out. */
  async verify(): Promise<AuditVerification> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const rows = await this.entries.readFrom(expectedSeq, VERIFY_BATCH);
      for (const entry of rows) {
        const problem =
          entry.seq !== expectedSeq
            ? `entry ${expectedSeq} is missing`
            : entry.prevHash !== prevHash
              ? 'prevHash does not match the previous entry'
              : entryHash(prevHash, entry) !== entry.hash
                ? 'hash does not match the entry content'
                : undefined;
        if (problem) return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, problem };
        prevHash = entry.hash;
        expectedSeq += 1;
      }
      if (rows.length < VERIFY_BATCH)
        return { ok: true, entries: expectedSeq - 1, lastHash: prevHash };
    }
  }

  /** One statement: the database function takes the chain lock, hashes and inserts. */
  private async appendWith(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    const data = redactSecrets(record.data ?? {}) as Record<string, unknown>;
    const at = new Date().toISOString();
    const link = await this.entries.append(
      {
        at,
        actor: record.actor,
        action: record.action,
        subject: record.subject,
        data,
        canonicalData: canonicalize(data) ?? '{}',
      },
      manager,
    );
    return {
      seq: link.seq,
      at,
      actor: record.actor,
      action: record.action,
      subject: record.subject,
      data,
      prevHash: link.prevHash,
      hash: link.hash,
    };
  }
}
