import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class BindCallDto {
  @ApiProperty({
    example: 'rtc_4f2a…',
    description: 'The call id from the Location header OpenAI returned',
  })
  @Matches(/^rtc_[A-Za-z0-9_]{8,128}$/, { message: 'callId must be an OpenAI call id (rtc_…)' })
  callId!: string;
}
