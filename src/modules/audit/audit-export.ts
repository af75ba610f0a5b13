import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  BUNDLE_VERSION,
  CHECKPOINT_EVERY,
  headerDigest,
  signedBytes,
  type BundleCheckpoint,
  type BundleHeader,
  type CheckpointBody,
} from '../../audit-bundle/bundle-format.js';
import { GENESIS_HASH } from './audit-hash.js';
import { AuditSigner } from './audit-signer.js';

const BATCH = 500;

interface Row {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/**
 * Exports a contiguous stretch of the audit chain as a signed JSONL bundle (see
 * `audit-bundle/bundle-format.ts`). The time range picks the first and last entry; everything in
 * between by `seq` is included, so the bundle always verifies as one unbroken chain.
 */
@Injectable()
export class AuditExport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: AuditSigner,
  ) {}

  async *lines(from?: Date, to?: Date): AsyncGenerator<string> {
    const [bounds] = (await this.dataSource.query(
      `SELECT min(seq) AS first, max(seq) AS last FROM audit_log
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)`,
      [from ?? null, to ?? null],
    )) as { first: string | null; last: string | null }[];
    const firstSeq = bounds.first === null ? await this.nextSeq() : Number(bounds.first);
    const lastSeq = bounds.last === null ? firstSeq - 1 : Number(bounds.last);
    const header: BundleHeader = {
      type: 'header',
      version: BUNDLE_VERSION,
      keyId: this.signer.keyId,
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      firstSeq,
      prevHash: await this.hashBefore(firstSeq),
      exportedAt: new Date().toISOString(),
    };
    const digest = headerDigest(header);
    yield JSON.stringify(header);
    let count = 0;
    let last = { seq: firstSeq - 1, hash: header.prevHash };
    for (let seq = firstSeq; seq <= lastSeq; seq += BATCH) {
      const rows = (await this.dataSource.query(
        `SELECT * FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq`,
        [seq, Math.min(lastSeq, seq + BATCH - 1)],
      )) as Row[];
      for (const row of rows) {
        yield JSON.stringify({
          type: 'entry',
          seq: Number(row.seq),
          at: row.at.toISOString(),
          actor: row.actor,
          action: row.action,
          subject: row.subject,
          data: row.data,
          prevHash: row.prev_hash,
          hash: row.hash,
        });
        count += 1;
        last = { seq: Number(row.seq), hash: row.hash };
        if (count % CHECKPOINT_EVERY === 0)
          yield this.checkpoint({ ...last, count, final: false, digest });
      }
    }
    yield this.checkpoint({ ...last, count, final: true, digest });
  }

  private checkpoint(at: {
    seq: number;
    hash: string;
    count: number;
    final: boolean;
    digest: string;
  }): string {
    const body: CheckpointBody = {
      type: 'checkpoint',
      seq: at.seq,
      hash: at.hash,
      count: at.count,
      final: at.final,
      headerDigest: at.digest,
      keyId: this.signer.keyId,
    };
    const signed: BundleCheckpoint = { ...body, signature: this.signer.sign(signedBytes(body)) };
    return JSON.stringify(signed);
  }

  private async hashBefore(seq: number): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT hash FROM audit_log WHERE seq = $1`, [
      seq - 1,
    ])) as { hash: string }[];
    if (seq === 1) return GENESIS_HASH;
    if (!row) throw new Error(`audit entry ${seq - 1} is missing; the chain cannot be exported`);
    return row.hash;
  }

  private async nextSeq(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(max(seq), 0) + 1 AS next FROM audit_log`,
    )) as {
      next: string;
    }[];
    return Number(row.next);
  }
}
