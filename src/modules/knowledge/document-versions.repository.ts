import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { WhereClause } from '../../database/where-clause.js';
import type { ExtractedDocument, ReviewOverduePolicy } from '../../knowledge/index.js';
import type { DocumentVersionRow, VersionValidity } from './knowledge-document.record.js';

/** Without `blocks`, which can be large and only the ingestion job reads. */
const SUMMARY = `document_id, version, title, format, byte_size, content_sha256, pages, valid_from,
  valid_until, review_by, reviewed_at, reviewed_by, status, chunk_count, created_by, created_at,
  ready_at, superseded_at`;

export interface NewVersion extends VersionValidity {
  readonly documentId: string;
  readonly version: number;
  readonly title: string;
  readonly extracted: ExtractedDocument;
  readonly byteSize: number;
  readonly sha256: string;
  readonly createdBy: string;
}

export interface VersionFactsRow {
  readonly document_id: string;
  readonly version: number;
  readonly title: string;
  readonly source_id: string;
  readonly source_name: string;
  readonly retracted_at: Date | null;
  readonly current_version: number | null;
  readonly created_at: Date;
  readonly valid_from: Date | null;
  readonly valid_until: Date | null;
  readonly review_by: Date | null;
  readonly reviewed_at: Date | null;
  readonly max_age_days: number | null;
  readonly review_every_days: number | null;
  readonly review_overdue: ReviewOverduePolicy;
}

/** The only place the `knowledge_document_versions` table is read or written. */
@Injectable()
export class DocumentVersionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(v: NewVersion, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO knowledge_document_versions (document_id, version, title, format, byte_size,
         content_sha256, pages, blocks, valid_from, valid_until, review_by, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        v.documentId,
        v.version,
        v.title,
        v.extracted.format,
        v.byteSize,
        v.sha256,
        v.extracted.pages ?? null,
        JSON.stringify(v.extracted.blocks),
        v.validFrom,
        v.validUntil,
        v.reviewBy,
        v.createdBy,
      ],
    );
  }

  async find(
    documentId: string,
    version: number,
    tx?: EntityManager,
  ): Promise<DocumentVersionRow | undefined> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT ${SUMMARY} FROM knowledge_document_versions WHERE document_id = $1 AND version = $2`,
      [documentId, version],
    )) as DocumentVersionRow[];
    return row;
  }

  /** The extracted blocks the ingestion job chunks. */
  async blocks(documentId: string, version: number): Promise<ExtractedDocument | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT format, pages, title, blocks FROM knowledge_document_versions
       WHERE document_id = $1 AND version = $2`,
      [documentId, version],
    )) as {
      format: ExtractedDocument['format'];
      pages: number | null;
      title: string;
      blocks: ExtractedDocument['blocks'];
    }[];
    if (!row) return undefined;
    return {
      format: row.format,
      pages: row.pages ?? undefined,
      title: row.title,
      blocks: row.blocks,
    };
  }

  async forDocument(documentId: string): Promise<DocumentVersionRow[]> {
    return (await this.dataSource.query(
      `SELECT ${SUMMARY} FROM knowledge_document_versions WHERE document_id = $1 ORDER BY version`,
      [documentId],
    )) as DocumentVersionRow[];
  }

  async markReady(documentId: string, version: number, chunks: number, tx: EntityManager) {
    await tx.query(
      `UPDATE knowledge_document_versions SET status = 'ready', chunk_count = $3, ready_at = now()
       WHERE document_id = $1 AND version = $2`,
      [documentId, version, chunks],
    );
  }

  /** Every older ready version of the document stops being current (kept for the record). */
  async supersedeOlder(documentId: string, version: number, tx: EntityManager): Promise<number[]> {
    const [rows] = (await tx.query(
      `UPDATE knowledge_document_versions SET status = 'superseded', superseded_at = now()
       WHERE document_id = $1 AND version < $2 AND status = 'ready' RETURNING version`,
      [documentId, version],
    )) as [{ version: number }[], number];
    return rows.map((r) => r.version);
  }

  async markFailed(documentId: string, version: number, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE knowledge_document_versions SET status = 'failed'
       WHERE document_id = $1 AND version = $2 AND status = 'processing'`,
      [documentId, version],
    );
  }

  /** Records a review; `nextReviewBy` replaces the due date (null: the source's cadence). */
  async review(
    documentId: string,
    version: number,
    by: string,
    nextReviewBy: Date | null,
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `UPDATE knowledge_document_versions SET reviewed_at = now(), reviewed_by = $3, review_by = $4
       WHERE document_id = $1 AND version = $2`,
      [documentId, version, by, nextReviewBy],
    );
  }

  /**
   * The current versions of the sources matching `sources` (a condition on `s.`), with the facts
   * the freshness rule reads, for the editors' stale list.
   */
  async currentWithFacts(sources: WhereClause, limit: number): Promise<VersionFactsRow[]> {
    const scope = sources.toSql().replace(/^WHERE/, 'AND');
    const limitParam = sources.next(limit);
    return (await this.dataSource.query(
      `SELECT v.document_id, v.version, v.title, d.source_id, s.name AS source_name,
         d.retracted_at, d.current_version, v.created_at, v.valid_from, v.valid_until, v.review_by,
         v.reviewed_at, s.max_age_days, s.review_every_days, s.review_overdue
       FROM knowledge_document_versions v
       JOIN knowledge_documents d ON d.id = v.document_id AND d.current_version = v.version
       JOIN knowledge_sources s ON s.id = d.source_id
       WHERE d.retracted_at IS NULL ${scope}
       ORDER BY v.created_at, v.document_id LIMIT ${limitParam}`,
      sources.params,
    )) as VersionFactsRow[];
  }

  /** Ready, current versions (what a re-embedding must cover). */
  async current(tx: EntityManager): Promise<{ document_id: string; version: number }[]> {
    return (await tx.query(
      `SELECT v.document_id, v.version FROM knowledge_document_versions v
       WHERE v.status = 'ready' ORDER BY v.document_id`,
    )) as { document_id: string; version: number }[];
  }
}
