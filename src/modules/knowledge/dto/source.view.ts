import { ApiProperty } from '@nestjs/swagger';

import {
  REVIEW_OVERDUE_POLICIES,
  TRUST_TIERS,
  type ReviewOverduePolicy,
  type TrustTier,
} from '../../../knowledge/index.js';

/** A knowledge source: whose it is, who may read it, and its freshness rules. */
export class SourceView {
  @ApiProperty({ example: 'src_1Qg6rtEuA0f0pUwlb2Uj3P' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'acme' })
  tenantId!: string | null;

  @ApiProperty({ example: 'Returns policy' })
  name!: string;

  @ApiProperty({ type: [String], example: ['customer'] })
  allowedRoles!: string[];

  @ApiProperty({ type: Number, nullable: true })
  maxAgeDays!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  reviewEveryDays!: number | null;

  @ApiProperty({ enum: REVIEW_OVERDUE_POLICIES })
  reviewOverdue!: ReviewOverduePolicy;

  @ApiProperty({ enum: TRUST_TIERS })
  trustTier!: TrustTier;

  @ApiProperty({ type: Number, nullable: true })
  recencyHalfLifeDays!: number | null;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SourcePageView {
  @ApiProperty({ type: [SourceView] })
  items!: SourceView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class CreatedSourceView {
  @ApiProperty({ example: 'src_1Qg6rtEuA0f0pUwlb2Uj3P' })
  id!: string;
}

export const SOURCE_EXAMPLE: SourceView = {
  id: 'src_1Qg6rtEuA0f0pUwlb2Uj3P',
  tenantId: 'acme',
  name: 'Returns policy',
  allowedRoles: ['customer'],
  maxAgeDays: 365,
  reviewEveryDays: 90,
  reviewOverdue: 'exclude',
  trustTier: 'standard',
  recencyHalfLifeDays: null,
  createdBy: 'api-key:key_HGpY3CgMmh2SOWhJY72i3Y',
  createdAt: '2026-12-04T20:04:26.623Z',
  updatedAt: '2026-12-04T20:04:26.654Z',
};

export const SOURCE_PAGE_EXAMPLE: SourcePageView = { items: [SOURCE_EXAMPLE], nextCursor: null };

export const CREATED_SOURCE_EXAMPLE: CreatedSourceView = { id: SOURCE_EXAMPLE.id };
