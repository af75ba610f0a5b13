import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

import { TimeRangeQueryDto } from '../../../common/http/time-range-query.dto.js';

export class ListSessionsDto extends TimeRangeQueryDto {
  @ApiPropertyOptional({ enum: ['created', 'connecting', 'active', 'ended', 'revoked'] })
  @IsOptional()
  @IsIn(['created', 'connecting', 'active', 'ended', 'revoked'])
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  user?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  tenant?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}
