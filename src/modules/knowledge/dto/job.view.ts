import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { JobKind, JobStatus } from '../knowledge-jobs.repository.js';

class JobProgressView {
  @ApiProperty()
  done!: number;

  @ApiProperty()
  total!: number;
}

class JobErrorView {
  @ApiProperty({ example: 'INGESTION_FAILED' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/** An ingestion job: queued → extracting → embedding → ready | failed. */
export class JobView {
  @ApiProperty({ example: 'kjb_No2tJ00vqV3QjZghEQzVLB' })
  id!: string;

  @ApiProperty({ enum: ['ingest', 'reembed'] satisfies JobKind[] })
  kind!: JobKind;

  @ApiProperty()
  documentId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ description: 'The embedding model', example: 'Xenova/all-MiniLM-L6-v2' })
  model!: string;

  @ApiProperty({
    enum: ['queued', 'extracting', 'embedding', 'ready', 'failed'] satisfies JobStatus[],
  })
  status!: JobStatus;

  @ApiPropertyOptional({ type: JobProgressView, description: 'Chunks embedded, once counted' })
  progress?: JobProgressView;

  @ApiPropertyOptional({ type: JobErrorView, description: 'Why it failed' })
  error?: JobErrorView;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;
}

export const JOB_EXAMPLE: JobView = {
  id: 'kjb_No2tJ00vqV3QjZghEQzVLB',
  kind: 'ingest',
  documentId: 'doc_SqbQeYVDA5ij9ftbu9YZgz',
  version: 1,
  model: 'Xenova/all-MiniLM-L6-v2',
  status: 'embedding',
  progress: { done: 16, total: 40 },
  attempts: 1,
  createdAt: '2026-12-04T20:04:26.715Z',
  updatedAt: '2026-12-04T20:04:27.930Z',
  finishedAt: null,
};
