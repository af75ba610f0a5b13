import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';

import { OPERATOR_ROLES, type OperatorRole } from '../../../common/auth/operator-roles.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Alice (approvals)', description: 'Who or what holds the key' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: OPERATOR_ROLES, isArray: true, example: ['approver'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(OPERATOR_ROLES, {
    each: true,
    message: `each role must be one of ${OPERATOR_ROLES.join(', ')}`,
  })
  roles!: OperatorRole[];
}
