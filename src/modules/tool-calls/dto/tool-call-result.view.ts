import { ApiProperty } from '@nestjs/swagger';

export class ToolCallResultView {
  @ApiProperty()
  callId!: string;

  @ApiProperty({
    description:
      'The id to roll the call back by (POST /v1/admin/actions/{id}/rollback): tc_… for a call that ran, act_… for one sent for approval',
    example: 'tc_3q9z…',
  })
  actionId!: string;

  @ApiProperty({ enum: ['succeeded', 'pending_approval'] })
  status!: string;

  @ApiProperty({
    description:
      'What the model is told: { ok: true, result } or { ok: true, status: "pending_approval", actionId, message }',
    type: Object,
  })
  output!: Record<string, unknown>;

  @ApiProperty({ description: 'True when this is the stored outcome of an earlier identical call' })
  replayed!: boolean;
}
