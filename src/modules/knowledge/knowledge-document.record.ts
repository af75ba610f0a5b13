import type { DocumentFormat, TextBlock } from '../../knowledge/index.js';

/** A `knowledge_documents` row. */
export interface KnowledgeDocumentRow {
  readonly id: string;
  readonly source_id: string;
  readonly title: string;
  readonly current_version: number | null;
  readonly latest_version: number;
  readonly retracted_at: Date | null;
  readonly retracted_by: string | null;
  readonly retraction_reason: string | null;
  readonly created_by: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

export type VersionStatus = 'processing' | 'ready' | 'failed' | 'superseded';

/** A `knowledge_document_versions` row (without its blocks, unless asked for). */
export interface DocumentVersionRow {
  readonly document_id: string;
  readonly version: number;
  readonly title: string;
  readonly format: DocumentFormat;
  readonly byte_size: number;
  readonly content_sha256: string;
  readonly pages: number | null;
  readonly blocks?: TextBlock[];
  readonly valid_from: Date | null;
  readonly valid_until: Date | null;
  readonly review_by: Date | null;
  readonly reviewed_at: Date | null;
  readonly reviewed_by: string | null;
  readonly status: VersionStatus;
  readonly chunk_count: number;
  readonly created_by: string;
  readonly created_at: Date;
  readonly ready_at: Date | null;
  readonly superseded_at: Date | null;
}

/** The validity an editor gives a version. */
export interface VersionValidity {
  readonly validFrom: Date | null;
  readonly validUntil: Date | null;
  readonly reviewBy: Date | null;
}

export function versionView(row: DocumentVersionRow) {
  return {
    version: row.version,
    title: row.title,
    format: row.format,
    status: row.status,
    byteSize: row.byte_size,
    sha256: row.content_sha256,
    pages: row.pages,
    chunks: row.chunk_count,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    reviewBy: row.review_by,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
    readyAt: row.ready_at,
    supersededAt: row.superseded_at,
  };
}

export function documentView(row: KnowledgeDocumentRow) {
  return {
    id: row.id,
    sourceId: row.source_id,
    title: row.title,
    currentVersion: row.current_version,
    latestVersion: row.latest_version,
    retractedAt: row.retracted_at,
    retractedBy: row.retracted_by,
    retractionReason: row.retraction_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
