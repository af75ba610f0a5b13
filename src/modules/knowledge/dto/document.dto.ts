/* eslint-disable no-control-regex -- these patterns exist to refuse NUL, which PostgreSQL cannot store */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Matches,
  MinLength,
  ValidateIf,
} from 'class-validator';

const TEXT_FORMATS = ['markdown', 'text', 'html'] as const;

/** Strict ISO 8601 date-times (with a time zone) of the years 1970–9999, or null. */
const DATE_TIME =
  /^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function IsDateTime(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_, v) => v !== null),
    IsString({
      message: ({ property }) =>
        `${property} must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z`,
    }),
    Matches(DATE_TIME, {
      message: ({ property }) =>
        `${property} must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z, in the years 1970-9999`,
    }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} is not a real date` }),
  );
}

/** Not blank, and no NUL (which PostgreSQL cannot store). */
const TEXT_LINE = /^(?=[^]*\S)[^\u0000]*$/;

/** A stored date-time field as a Date (validated above), or null. */
export function dateOf(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

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
  @Matches(TEXT_LINE, { message: 'title must have visible characters and no NUL' })
  title?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsDateTime()
  validFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsDateTime()
  validUntil?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsDateTime()
  reviewBy?: string | null;
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
  @Matches(/^[^\u0000]*$/, { message: 'reason must not contain NUL characters' })
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
  @IsDateTime()
  nextReviewBy?: string | null;
}

export class SearchKnowledgeDto {
  // 1,000 characters keep the URL under Node's 16 KB header limit in any script (percent-encoded
  // CJK takes 9 bytes a character); the model reads at most 256 tokens of it anyway.
  @ApiProperty({ description: 'What to look for (1-1000 characters).', maxLength: 1000 })
  @IsString({ message: 'q must be text' })
  @Matches(/^[^\u0000]*$/, { message: 'q must not contain NUL characters' })
  @MaxLength(1000, { message: 'q may be at most 1000 characters; ask a shorter question' })
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
