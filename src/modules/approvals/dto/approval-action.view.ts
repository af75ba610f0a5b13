import { ApiProperty } from '@nestjs/swagger';

import type { ActionStatus } from '../pending-action.record.js';

export const ACTION_STATUSES = [
  'pending',
  'approved',
  'executing',
  'executed',
  'failed',
  'rejected',
  'expired',
  'cancelled',
  'rolling_back',
  'rolled_back',
  'rollback_failed',
] as const satisfies readonly ActionStatus[];

class ActionErrorView {
  @ApiProperty({ example: 'TOOL_TIMEOUT' })
  code!: string;

  @ApiProperty()
  message!: string;
}

class ActionDecisionView {
  @ApiProperty({ example: 'api-key:key_HGpY3CgMmh2SOWhJY72i3Y' })
  approver!: string;

  @ApiProperty({ enum: ['approve', 'reject'] })
  decision!: 'approve' | 'reject';

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** What approvers see of an action: the redacted arguments and their digest, never the raw ones. */
export class ApprovalActionView {
  @ApiProperty({ example: 'act_7Yc2kP9qLm4Rt8Wx1Zb5Nv' })
  id!: string;

  @ApiProperty({ example: 'issue_refund' })
  tool!: string;

  @ApiProperty({ enum: ACTION_STATUSES })
  status!: ActionStatus;

  @ApiProperty({ type: String, nullable: true })
  statusReason!: string | null;

  @ApiProperty({ example: 'ses_4Jx8qK2mW9sT1vB6nR3pLd' })
  sessionId!: string;

  @ApiProperty({ description: "The model's call_id", example: 'call_8f2c' })
  toolCallId!: string;

  @ApiProperty({ example: 'user:alice' })
  requester!: string;

  @ApiProperty({ type: String, nullable: true })
  tenantId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The arguments, redacted as the tool declares',
  })
  arguments!: Record<string, unknown>;

  @ApiProperty({ description: 'Quote it to approve: proves what you saw', example: '9f2c…' })
  digest!: string;

  @ApiProperty({ description: 'Why it needs approval: "always" or the predicate that matched' })
  policy!: string;

  @ApiProperty({ type: [String] })
  approverRoles!: string[];

  @ApiProperty({ description: 'Distinct approvals needed (four-eyes: 2)' })
  approvalsRequired!: number;

  @ApiProperty()
  approvals!: number;

  @ApiProperty()
  escalated!: boolean;

  @ApiProperty({ enum: ['reject', 'escalate'] })
  onTimeout!: 'reject' | 'escalate';

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  executedAt!: string | null;

  @ApiProperty({ nullable: true, description: "The tool's result once executed" })
  result!: unknown;

  @ApiProperty({ type: ActionErrorView, nullable: true })
  error!: ActionErrorView | null;

  @ApiProperty({ type: String, nullable: true })
  rollbackReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  rolledBackAt!: string | null;

  @ApiProperty({ type: [ActionDecisionView] })
  decisions!: ActionDecisionView[];
}

export class ApprovalPageView {
  @ApiProperty({ type: [ApprovalActionView] })
  items!: ApprovalActionView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export const APPROVAL_ACTION_EXAMPLE: ApprovalActionView = {
  id: 'act_7Yc2kP9qLm4Rt8Wx1Zb5Nv',
  tool: 'issue_refund',
  status: 'pending',
  statusReason: null,
  sessionId: 'ses_4Jx8qK2mW9sT1vB6nR3pLd',
  toolCallId: 'call_8f2c',
  requester: 'user:alice',
  tenantId: 'acme',
  arguments: { orderNumber: '10042', amount: 25, reason: 'arrived damaged' },
  digest: '3f1d6c0b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060f5e',
  policy: 'always',
  approverRoles: ['approver'],
  approvalsRequired: 1,
  approvals: 0,
  escalated: false,
  onTimeout: 'reject',
  createdAt: '2026-12-04T20:06:02.118Z',
  expiresAt: '2026-12-04T20:21:02.118Z',
  decidedAt: null,
  executedAt: null,
  result: null,
  error: null,
  rollbackReason: null,
  rolledBackAt: null,
  decisions: [],
};

export const APPROVAL_PAGE_EXAMPLE: ApprovalPageView = {
  items: [APPROVAL_ACTION_EXAMPLE],
  nextCursor: null,
};
