import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, Min, Matches } from 'class-validator';

export class AuditQueryDto {
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

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d+$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}
