import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RevokeSessionDto {
  @ApiProperty({ example: 'abusive caller' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
