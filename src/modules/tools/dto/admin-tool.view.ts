import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { RegisteredTool } from '../registered-tool.js';
import { ToolView } from './tool.view.js';

class ApprovalView {
  @ApiProperty({ description: '"always", or "conditional" when a predicate decides per call' })
  required!: 'always' | 'conditional';

  @ApiProperty({ type: [String] })
  approverRoles!: readonly string[];

  @ApiProperty()
  approvers!: number;

  @ApiProperty()
  expiresInSeconds!: number;

  @ApiProperty({ enum: ['reject', 'escalate'] })
  onTimeout!: 'reject' | 'escalate';

  @ApiProperty({ type: [String] })
  escalateTo!: readonly string[];
}

export class AdminToolView extends ToolView {
  @ApiProperty({ type: [String], description: 'App-user roles that may call it' })
  roles!: string[];

  @ApiPropertyOptional({ type: ApprovalView, nullable: true })
  approval!: ApprovalView | null;

  @ApiProperty()
  timeoutMs!: number;

  @ApiProperty({ description: 'perSession / perUser windows', type: Object })
  rateLimit!: Record<string, unknown>;

  @ApiProperty({ enum: ['reversible', 'compensable', 'irreversible'] })
  reversibility!: string;

  @ApiProperty({ type: [String] })
  redact!: readonly string[];

  @ApiProperty()
  costly!: boolean;

  @ApiProperty()
  idempotent!: boolean;

  static override of(tool: RegisteredTool, roles: string[] = []): AdminToolView {
    const approval = tool.approval && {
      required:
        typeof tool.approval.when === 'function' ? ('conditional' as const) : ('always' as const),
      approverRoles: tool.approval.approverRoles,
      approvers: tool.approval.approvers,
      expiresInSeconds: tool.approval.expiresInSeconds,
      onTimeout: tool.approval.onTimeout,
      escalateTo: tool.approval.escalateTo,
    };
    return {
      ...ToolView.of(tool),
      roles,
      approval: approval || null,
      timeoutMs: tool.timeoutMs,
      rateLimit: { ...tool.rateLimit },
      reversibility: tool.reversibility,
      redact: tool.redact,
      costly: tool.costly,
      idempotent: tool.idempotent,
    };
  }
}
