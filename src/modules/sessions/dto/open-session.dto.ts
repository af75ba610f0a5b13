import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class OpenSessionDto {
  @ApiPropertyOptional({ example: 'default', description: 'Agent profile; `default` when absent' })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,64}$/, { message: 'agent must be a profile name (a-z, 0-9, _ and -)' })
  agent?: string;

  @ApiPropertyOptional({ enum: ['proxy', 'ephemeral'], default: 'proxy' })
  @IsOptional()
  @IsIn(['proxy', 'ephemeral'])
  mode?: 'proxy' | 'ephemeral';
}
