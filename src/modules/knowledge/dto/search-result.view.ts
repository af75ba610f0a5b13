import { ApiProperty } from '@nestjs/swagger';

class CitationView {
  @ApiProperty({ example: 'src_1Qg6rtEuA0f0pUwlb2Uj3P' })
  sourceId!: string;

  @ApiProperty({ example: 'doc_SqbQeYVDA5ij9ftbu9YZgz' })
  documentId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [String], description: 'The headings above the text' })
  headingPath!: string[];

  @ApiProperty({ type: Number, nullable: true, description: 'PDF page' })
  page!: number | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'Only where the source lets review-overdue text through' })
  reviewOverdue!: boolean;
}

class KnowledgeHitView {
  @ApiProperty({ description: 'What provenance records name' })
  chunkId!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'Hybrid (vector and full-text) rank score' })
  score!: number;

  @ApiProperty({ type: CitationView })
  citation!: CitationView;
}

/** The best current, permitted passages, best first. */
export class SearchResultView {
  @ApiProperty({ type: [KnowledgeHitView] })
  hits!: KnowledgeHitView[];
}

export const SEARCH_RESULT_EXAMPLE: SearchResultView = {
  hits: [
    {
      chunkId: '1042',
      text: 'Damaged items can be returned within 60 days.',
      score: 0.032,
      citation: {
        sourceId: 'src_1Qg6rtEuA0f0pUwlb2Uj3P',
        documentId: 'doc_SqbQeYVDA5ij9ftbu9YZgz',
        version: 2,
        title: 'Returns',
        headingPath: ['Returns', 'Damaged items'],
        page: null,
        updatedAt: '2026-11-30T10:00:00.000Z',
        reviewOverdue: false,
      },
    },
  ],
};
