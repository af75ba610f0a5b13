import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

export const CALLBACK_TOPICS = ['billing', 'delivery', 'returns', 'other'] as const;
export type CallbackTopic = (typeof CALLBACK_TOPICS)[number];

export class CallbackContact {
  @JSONSchema({ description: 'Phone number in international format, e.g. +14155550123' })
  @IsString()
  @Matches(/^\+[1-9][0-9]{6,14}$/, {
    message: 'phone must be in international format, e.g. +14155550123',
  })
  phone!: string;

  @JSONSchema({ description: 'Who to ask for, if not the caller' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  name?: string;
}

export class ScheduleCallbackInput {
  @JSONSchema({
    description: 'When to call back, ISO 8601 with a time zone, e.g. 2026-12-01T15:00:00Z',
  })
  @IsISO8601({ strict: true }, { message: 'when must be an ISO 8601 date-time' })
  when!: string;

  // @ValidateNested skips undefined, so presence is checked on its own.
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallbackContact)
  contact!: CallbackContact;

  @JSONSchema({ description: 'What the callback is about (1 to 3 topics)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(CALLBACK_TOPICS, { each: true })
  topics!: CallbackTopic[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
