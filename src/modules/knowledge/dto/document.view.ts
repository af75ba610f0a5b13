import { ApiProperty } from '@nestjs/swagger';

import type { DocumentFormat } from '../../../knowledge/index.js';
import type { VersionStatus } from '../knowledge-document.record.js';

/** A document of a source, without its versions. */
export class DocumentView {
  @ApiProperty({ example: 'doc_SqbQeYVDA5ij9ftbu9YZgz' })
  id!: string;

  @ApiProperty({ example: 'src_1Qg6rtEuA0f0pUwlb2Uj3P' })
  sourceId!: string;

  @ApiProperty({ example: 'Returns' })
  title!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The version callers get' })
  currentVersion!: number | null;

  @ApiProperty()
  latestVersion!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  retractedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  retractedBy!: string | null;

  @ApiProperty({ type: String, nullable: true })
  retractionReason!: string | null;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class DocumentPageView {
  @ApiProperty({ type: [DocumentView] })
  items!: DocumentView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

class DocumentVersionView {
  @ApiProperty()
  version!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['markdown', 'text', 'html', 'pdf'] satisfies DocumentFormat[] })
  format!: DocumentFormat;

  @ApiProperty({ enum: ['processing', 'ready', 'failed', 'superseded'] satisfies VersionStatus[] })
  status!: VersionStatus;

  @ApiProperty()
  byteSize!: number;

  @ApiProperty({ description: 'SHA-256 (hex) of the uploaded bytes' })
  sha256!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'PDF pages' })
  pages!: number | null;

  @ApiProperty({ description: 'Chunks embedded' })
  chunks!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  validFrom!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  validUntil!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewedBy!: string | null;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readyAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supersededAt!: string | null;
}

/** A document with all its versions, oldest first. */
export class DocumentDetailView extends DocumentView {
  @ApiProperty({ type: [DocumentVersionView] })
  versions!: DocumentVersionView[];
}

/** An upload taken: its version is stored and its ingestion job queued. */
export class AcceptedUploadView {
  @ApiProperty({ example: 'doc_SqbQeYVDA5ij9ftbu9YZgz' })
  documentId!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ description: 'Follow it at GET /v1/knowledge/jobs/{id}', example: 'kjb_…' })
  jobId!: string;
}

export const DOCUMENT_EXAMPLE: DocumentView = {
  id: 'doc_SqbQeYVDA5ij9ftbu9YZgz',
  sourceId: 'src_1Qg6rtEuA0f0pUwlb2Uj3P',
  title: 'Returns',
  currentVersion: 1,
  latestVersion: 1,
  retractedAt: null,
  retractedBy: null,
  retractionReason: null,
  createdBy: 'api-key:key_HGpY3CgMmh2SOWhJY72i3Y',
  createdAt: '2026-12-04T20:04:26.715Z',
  updatedAt: '2026-12-04T20:04:28.258Z',
};

export const DOCUMENT_PAGE_EXAMPLE: DocumentPageView = {
  items: [DOCUMENT_EXAMPLE],
  nextCursor: null,
};

export const DOCUMENT_DETAIL_EXAMPLE: DocumentDetailView = {
  ...DOCUMENT_EXAMPLE,
  versions: [
    {
      version: 1,
      title: 'Returns',
      format: 'markdown',
      status: 'ready',
      byteSize: 74,
      sha256: '1c6502bffacdc6164ee9ebf6f31a56a3d9ae8ba809197d482325eacd0c765c3b',
      pages: null,
      chunks: 1,
      validFrom: null,
      validUntil: null,
      reviewBy: '2027-06-01T00:00:00.000Z',
      reviewedAt: null,
      reviewedBy: null,
      createdBy: 'api-key:key_HGpY3CgMmh2SOWhJY72i3Y',
      createdAt: '2026-12-04T20:04:26.715Z',
      readyAt: '2026-12-04T20:04:28.258Z',
      supersededAt: null,
    },
  ],
};

export const ACCEPTED_UPLOAD_EXAMPLE: AcceptedUploadView = {
  documentId: 'doc_SqbQeYVDA5ij9ftbu9YZgz',
  version: 1,
  jobId: 'kjb_No2tJ00vqV3QjZghEQzVLB',
};
