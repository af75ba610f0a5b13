import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class DemoSignInDto {
  @ApiProperty({ description: 'A demo user id from `GET /v1/demo`', example: 'alice' })
  @IsString()
  @Matches(/^[a-z]{1,32}$/, { message: 'user must be a demo user id such as alice' })
  user!: string;
}
