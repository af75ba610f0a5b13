import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const TEXT_FORMATS = ['markdown', 'text', 'html'] as const;

/**
 * The fields of a document upload besides its content. In a multipart form they arrive as text
 * fields next to `file` (dates as ISO 8601); in JSON, next to `text`.
 */
export class DocumentFieldsDto {
  @ApiPropertyOptional({
    maxLength: 300,
    description: 'Defaults to the title the content carries, else the file name.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Type(() => Date)
  @IsDate({ message: 'validFrom must be an ISO 8601 date-time' })
  validFrom?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Type(() => Date)
  @IsDate({ message: 'validUntil must be an ISO 8601 date-time' })
  validUntil?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Type(() => Date)
  @IsDate({ message: 'reviewBy must be an ISO 8601 date-time' })
  reviewBy?: Date | null;
}

/** A document sent as JSON text. */
export class DocumentUploadDto extends DocumentFieldsDto {
  @ApiPropertyOptional({ description: 'The document itself (JSON uploads).', maxLength: 1_000_000 })
  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  text?: string;

  @ApiPropertyOptional({
    enum: TEXT_FORMATS,
    description: 'How to read `text`; sniffed when absent.',
  })
  @IsOptional()
  @IsIn(TEXT_FORMATS)
  format?: (typeof TEXT_FORMATS)[number];
}

export class RetractDocumentDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ReviewDocumentDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "When the next review falls due; absent: the source's reviewEveryDays from now.",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Type(() => Date)
  @IsDate({ message: 'nextReviewBy must be an ISO 8601 date-time' })
  nextReviewBy?: Date | null;
}

export class SearchKnowledgeDto {
  @ApiProperty({ description: 'What to look for (1-2000 characters).', maxLength: 2000 })
  @IsString({ message: 'q must be text' })
  @MaxLength(2000, { message: 'q may be at most 2000 characters; ask a shorter question' })
  q!: string;

  @ApiPropertyOptional({ default: 5, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  k = 5;
}

export class StaleQueryDto {
  @ApiPropertyOptional({
    default: 14,
    minimum: 0,
    maximum: 365,
    description: 'Also list what becomes stale within this many days.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  withinDays = 14;
}

export class DocumentIdParam {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  id!: string;
}

export const ACCEPTED_TEXT_FORMATS = TEXT_FORMATS;
