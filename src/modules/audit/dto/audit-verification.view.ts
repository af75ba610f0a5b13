import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The hash chain recomputed: intact, or where it first breaks. */
export class AuditVerificationView {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Entries checked' })
  entries!: number;

  @ApiPropertyOptional({ description: 'The last hash (ok: true)' })
  lastHash?: string;

  @ApiPropertyOptional({ description: 'seq of the first broken entry (ok: false)' })
  brokenAt?: number;

  @ApiPropertyOptional({ description: 'What is wrong with it (ok: false)' })
  problem?: string;
}

export const AUDIT_VERIFICATION_EXAMPLE: AuditVerificationView = {
  ok: true,
  entries: 7,
  lastHash: '3d0caaa1ca6e80e66d4696b15b6ad1ce0c387d27fc95fa29efd5557fbd8aeca4',
};
