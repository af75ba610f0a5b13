import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorSchema {
  @ApiProperty({ example: '/expiresAfter/seconds' })
  pointer!: string;

  @ApiProperty({ example: 'seconds must not be greater than 600' })
  detail!: string;
}

/** OpenAPI description of the RFC 9457 body every error response carries. */
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'urn:switchboard:problem:validation-failed' })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: '1 field(s) failed validation: /name name must be a string' })
  detail!: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: '/v1/sessions' })
  instance!: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema] })
  errors?: FieldErrorSchema[];

  @ApiPropertyOptional({ description: 'Present on 500 responses; quote it when reporting' })
  correlationId?: string;
}
