import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class ApproveActionDto {
  @ApiProperty({ description: 'The digest shown with the action: proves what you approved' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, {
    message: 'digest must be the 64-character hex digest of the action',
  })
  digest!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class RejectActionDto {
  @ApiProperty({ description: 'Why; the caller may hear it' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}

export class RollbackActionDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}
