import { ApiProperty } from '@nestjs/swagger';

import type { StaleReason } from '../../../knowledge/index.js';

const STALE_REASONS = [
  'expired',
  'expires_soon',
  'aged_out',
  'ages_out_soon',
  'review_overdue',
  'review_due_soon',
] as const satisfies readonly StaleReason[];

class StaleItemView {
  @ApiProperty()
  documentId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  sourceId!: string;

  @ApiProperty()
  sourceName!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...STALE_REASONS] } })
  reasons!: StaleReason[];

  @ApiProperty({ format: 'date-time', description: 'When it is, or becomes, stale' })
  dueAt!: string;

  @ApiProperty({ description: 'Whether callers still get it' })
  servedToCallers!: boolean;
}

/** Current text that is stale, or becomes stale within `withinDays`, soonest first. */
export class StaleReportView {
  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty()
  withinDays!: number;

  @ApiProperty({ type: [StaleItemView] })
  items!: StaleItemView[];
}

export const STALE_REPORT_EXAMPLE: StaleReportView = {
  asOf: '2026-12-04T20:04:30.000Z',
  withinDays: 30,
  items: [
    {
      documentId: 'doc_SqbQeYVDA5ij9ftbu9YZgz',
      version: 1,
      title: 'Returns',
      sourceId: 'src_1Qg6rtEuA0f0pUwlb2Uj3P',
      sourceName: 'Returns policy',
      reasons: ['review_due_soon'],
      dueAt: '2026-12-20T00:00:00.000Z',
      servedToCallers: true,
    },
  ],
};
