import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, Matches } from 'class-validator';

import { TimeRangeQueryDto } from '../../../common/http/time-range-query.dto.js';

export class AuditQueryDto extends TimeRangeQueryDto {
  @ApiPropertyOptional({ example: 'user:u_123' })
  @IsOptional()
  @IsString()
  actor?: string;

  @ApiPropertyOptional({ example: 'session.opened' })
  @IsOptional()
  @IsString()
  action?: string;

  @ApiPropertyOptional({ example: 'ses_…' })
  @IsOptional()
  @IsString()
  subject?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}
