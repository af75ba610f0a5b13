/* eslint-disable no-control-regex -- these patterns exist to refuse NUL, which PostgreSQL cannot store */
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import {
  REVIEW_OVERDUE_POLICIES,
  TRUST_TIERS,
  type ReviewOverduePolicy,
  type TrustTier,
} from '../../../knowledge/index.js';

const ROLE = /^[A-Za-z0-9_.:-]{1,64}$/;
const DAYS = { min: 1, max: 36_500 };

/** `POST /v1/knowledge/sources`. */
export class CreateSourceDto {
  @ApiProperty({ example: 'Returns policy', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^(?=[^]*\S)[^\u0000]*$/, { message: 'name must have visible characters and no NUL' })
  name!: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Operator keys only: the tenant that owns the source (a staff JWT gets its own).',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^[^\u0000]*$/, { message: 'tenantId must not contain NUL characters' })
  tenantId?: string | null;

  @ApiProperty({
    example: ['customer', 'agent'],
    description: 'Callers holding at least one of these roles may read the source.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'allowedRoles must name at least one role (no role reads nothing)' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(ROLE, { each: true, message: 'each role must be 1-64 letters, digits or _ . : -' })
  allowedRoles!: string[];

  @ApiPropertyOptional({ nullable: true, description: 'Text older than this is never returned.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(DAYS.min)
  @Max(DAYS.max)
  maxAgeDays?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'A review falls due this long after the last.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(DAYS.min)
  @Max(DAYS.max)
  reviewEveryDays?: number | null;

  @ApiPropertyOptional({ enum: REVIEW_OVERDUE_POLICIES, default: 'exclude' })
  @IsOptional()
  @IsIn(REVIEW_OVERDUE_POLICIES)
  reviewOverdue?: ReviewOverduePolicy;

  @ApiPropertyOptional({ enum: TRUST_TIERS, default: 'standard' })
  @IsOptional()
  @IsIn(TRUST_TIERS)
  trustTier?: TrustTier;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Newer text ranks higher; this is its half-life.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(DAYS.min)
  @Max(DAYS.max)
  recencyHalfLifeDays?: number | null;
}

/**
 * `PATCH /v1/knowledge/sources/{id}`: any of the settings (null clears an optional one); the
 * tenant never changes. A name and roles, when sent, must be real: null is refused, not cleared.
 */
export class UpdateSourceDto extends PartialType(
  OmitType(CreateSourceDto, ['tenantId', 'name', 'allowedRoles'] as const),
) {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^(?=[^]*\S)[^\u0000]*$/, { message: 'name must have visible characters and no NUL' })
  name?: string;

  @ApiPropertyOptional({ example: ['customer'] })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMinSize(1, { message: 'allowedRoles must name at least one role (no role reads nothing)' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(ROLE, { each: true, message: 'each role must be 1-64 letters, digits or _ . : -' })
  allowedRoles?: string[];
}

export class ListSourcesDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_]+$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
}
