import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A function call the page saw on its data channel, relayed for governed execution. */
export class RelayToolCallDto {
  @ApiProperty({ description: "The model's call_id", example: 'call_8f2c' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'callId must be 1-128 letters, digits, _ or -' })
  callId!: string;

  @ApiProperty({ example: 'lookup_order' })
  @IsString()
  @MaxLength(64)
  name!: string;

  @ApiProperty({
    description: 'The arguments exactly as the model sent them (a JSON string)',
    example: '{"orderNumber":"10042"}',
  })
  @IsString()
  @MaxLength(65_536)
  arguments!: string;
}
