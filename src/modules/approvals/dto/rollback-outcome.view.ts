import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class RollbackErrorView {
  @ApiProperty({ example: 'ROLLBACK_FAILED' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/** How a rollback ended, or that it waits for a second approver (`rollback_requested`). */
export class RollbackOutcomeView {
  @ApiProperty({ description: 'The action: act_… (approved) or tc_… (ran directly)' })
  id!: string;

  @ApiProperty({ example: 'issue_refund' })
  tool!: string;

  @ApiProperty({ enum: ['rolled_back', 'rollback_failed', 'rollback_requested'] })
  status!: 'rolled_back' | 'rollback_failed' | 'rollback_requested';

  @ApiPropertyOptional({ description: "The compensation's result (rolled_back)" })
  result?: unknown;

  @ApiPropertyOptional({ type: RollbackErrorView, description: 'Why it failed (rollback_failed)' })
  error?: RollbackErrorView;
}

export const ROLLBACK_OUTCOME_EXAMPLE: RollbackOutcomeView = {
  id: 'act_7Yc2kP9qLm4Rt8Wx1Zb5Nv',
  tool: 'issue_refund',
  status: 'rolled_back',
  result: { refundId: 'rf_1093', reversed: true },
};
