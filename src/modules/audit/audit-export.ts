import { Injectable } from '@nestjs/common';

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
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditSigner } from './audit-signer.js';

const BATCH = 500;

/**
 * Exports a contiguous stretch of the audit chain as a signed JSONL bundle (see
 * `audit-bundle/bundle-format.ts`). The time range picks the first and last entry; everything in
 * between by `seq` is included, so the bundle always verifies as one unbroken chain.
 */
@Injectable()
export class AuditExport {
  constructor(
    private readonly entries: AuditLogRepository,
    private readonly signer: AuditSigner,
  ) {}

  async *lines(from?: Date, to?: Date): AsyncGenerator<string> {
    const bounds = await this.entries.bounds(from, to);
    const firstSeq = bounds.first ?? (await this.entries.nextSeq());
    const lastSeq = bounds.last ?? firstSeq - 1;
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
      const batch = await this.entries.range(seq, Math.min(lastSeq, seq + BATCH - 1));
      for (const entry of batch) {
        yield JSON.stringify({ type: 'entry', ...entry });
        count += 1;
        last = { seq: entry.seq, hash: entry.hash };
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
    const hash = await this.entries.hashAt(seq - 1);
    if (seq === 1) return GENESIS_HASH;
    if (hash === undefined)
      throw new Error(`audit entry ${seq - 1} is missing; the chain cannot be exported`);
    return hash;
  }
}
