import { ApiProperty } from '@nestjs/swagger';

class SessionActionErrorView {
  @ApiProperty({ example: 'TOOL_TIMEOUT' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/** One thing a session did that has an outcome (`SessionActionView`). */
export class SessionActionItemView {
  @ApiProperty({ description: 'What a rollback names it by: act_… (approval) or tc_… (direct)' })
  id!: string;

  @ApiProperty({ description: "The model's call_id", example: 'call_8f2c' })
  callId!: string;

  @ApiProperty({ enum: ['approval', 'direct'] })
  via!: 'approval' | 'direct';

  @ApiProperty({ example: 'lookup_order' })
  tool!: string;

  @ApiProperty({ description: 'The action status (approval) or executed / a rollback status' })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  statusReason!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Redacted as the tool declares',
  })
  arguments!: Record<string, unknown>;

  @ApiProperty({ nullable: true, description: "The tool's result" })
  result!: unknown;

  @ApiProperty({ type: SessionActionErrorView, nullable: true })
  error!: SessionActionErrorView | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  executedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  rolledBackAt!: string | null;

  @ApiProperty({ description: 'Whether the model was told the outcome during the call' })
  toldInCall!: boolean;
}

export const SESSION_ACTION_EXAMPLE: SessionActionItemView = {
  id: 'tc_3q9zR8mK2pW7xL4vN1bT6c',
  callId: 'call_8f2c',
  via: 'direct',
  tool: 'lookup_order',
  status: 'executed',
  statusReason: null,
  arguments: { orderNumber: '10042' },
  result: { orderNumber: '10042', status: 'shipped' },
  error: null,
  createdAt: '2026-12-04T20:05:12.481Z',
  decidedAt: null,
  executedAt: '2026-12-04T20:05:12.530Z',
  rolledBackAt: null,
  toldInCall: true,
};
